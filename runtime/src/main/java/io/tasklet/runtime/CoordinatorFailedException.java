package io.tasklet.runtime;

/** The coordinator method threw; the cause is what it threw. */
public final class CoordinatorFailedException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public CoordinatorFailedException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
