package io.tasklet.runtime;

/**
 * Thrown inside a launch by {@link FuelMeter#fuelCheckpoint} and
 * {@link CoordinatorContext#parallelForWorkers} to unwind user code when the launch cannot go on:
 * fuel is exhausted, or something failed elsewhere. It is a signal, not the outcome: the launch
 * itself fails with the {@link TaskletException} of the first failure, even if user code catches
 * this.
 */
public final class TaskletStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskletStoppedException(String message) {
    super(message, null, false, false);
  }
}
