package io.tasklet.runtime;

/** Something that draws on a launch's fuel pool. */
public interface FuelMeter {
  /**
   * Draws {@code units} of fuel from the pool shared by every lane and the coordinator.
   *
   * <p>Returns normally when the pool covered the draw. Otherwise, or when the launch is stopping
   * because something failed elsewhere, throws {@link TaskletStoppedException}: let it propagate so
   * that the lane ends promptly. The launch then fails with the typed error of the first failure,
   * whether or not user code caught the signal.
   *
   * @throws IllegalArgumentException if {@code units} is negative
   * @throws TaskletStoppedException if the pool cannot cover {@code units} (with no pool configured,
   *     always) or the launch is stopping
   */
  void fuelCheckpoint(long units);
}
