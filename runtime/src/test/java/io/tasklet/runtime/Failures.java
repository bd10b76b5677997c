package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Launches that must fail, for the runtime's tests. */
final class Failures {
  private Failures() {}

  /**
   * Checks that a runtime on 4 cores is ready after whatever the test did: a launch on every core
   * computes the right answer, and nothing is quarantined or over its threads.
   */
  static void assertStillWorks(TaskletRuntime runtime) throws TaskletException {
    TaskletResult<long[]> next = runtime.launch(Specs.longs(4).lanes(4, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(
            lane -> Specs.set(lane.shared(), lane.index(), lane.index() + 1)));
    assertEquals(10, next.shared()[0] + next.shared()[1] + next.shared()[2] + next.shared()[3]);
    assertTrue(runtime.laneThreads() <= runtime.cores());
    assertEquals(0, runtime.quarantinedLanes());
  }

  /** Launches {@code body} and returns the typed error it must fail with. */
  static TaskletException launchFails(
      TaskletRuntime runtime, LaunchSpec<long[]> spec, CoordinatorBody<long[], Void> body) {
    return assertThrows(TaskletException.class, () -> runtime.launch(spec, body));
  }
}
