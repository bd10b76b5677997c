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
   * <p>A checkpoint is also where a lane hands back the fuel leased to it in advance when another
   * lane needs it: when the pool runs short, a checkpoint waits for the other lanes to reach their
   * next checkpoint (or the end of their body) before it decides. A lane that waits for another
   * lane should therefore call {@code fuelCheckpoint(0)} as it waits. Call it on the thread of the
   * code it belongs to: a lane's context in that lane's body, the coordinator's outside {@code
   * parallelForWorkers}; elsewhere it throws {@link IllegalStateException}.
   *
   * @throws IllegalArgumentException if {@code units} is negative
   * @throws IllegalStateException if called on a thread, or in a phase, the context does not run
   * @throws TaskletStoppedException if the pool cannot cover {@code units} (with no pool configured,
   *     always) or the launch is stopping
   */
  void fuelCheckpoint(long units);
}
