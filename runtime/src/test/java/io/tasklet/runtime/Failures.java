package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Launches that must fail, for the runtime's tests. */
final class Failures {
  private Failures() {}

  /** Launches {@code body} and returns the typed error it must fail with. */
  static TaskletException launchFails(
      TaskletRuntime runtime, LaunchSpec<long[]> spec, CoordinatorBody<long[], Void> body) {
    return assertThrows(TaskletException.class, () -> runtime.launch(spec, body));
  }
}
