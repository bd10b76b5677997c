package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's builders, as a generated launcher hands them out: a declaration's lanes when none
 * are asked for, every argument checked as it is given, with the one message each has.
 */
class LaunchBuilderTest {
  private static final MemoryLayout COUNT =
      MemoryLayout.structLayout(ValueLayout.JAVA_LONG.withName("n")).withName("Count");

  private static TaskletRuntime twoCores;

  @BeforeAll
  static void start() {
    twoCores = TaskletRuntime.withCores(2);
  }

  @AfterAll
  static void stop() {
    twoCores.close();
  }

  /** A coordinator declared on {@code workers} lanes that counts its lanes into the shared long. */
  private static CoordinatorDeclaration<Long, Long> declaration(int workers, long maxInputBytes) {
    return new CoordinatorDeclaration<>("Test.count", workers, 8, COUNT, 8, COUNT, maxInputBytes,
        0, LinearMemoryPlan.DEFAULT_MAX_LINEAR_MEMORY, -1,
        segment -> segment.get(ValueLayout.JAVA_LONG, 0),
        (CoordinatorContext<Long, Long> context) -> context.shared()
            .set(ValueLayout.JAVA_LONG, 0, context.workers()));
  }

  @Test
  void withoutWorkersALaunchRunsOnTheDeclaredLanesOrTheRuntimesCoresIfFewer()
      throws TaskletException {
    TaskletResult<Long> onTwo = declaration(8, 0).launch(twoCores).launch();
    assertEquals(2, onTwo.workers());
    assertEquals(2L, onTwo.shared());
    assertEquals(2, declaration(8, 0).launch(twoCores).plan().workers());
    assertEquals(1, declaration(1, 0).launch(twoCores).launch().workers());
  }

  @Test
  void anExplicitWorkersAboveTheRuntimesCoresIsRejectedAtLaunch() {
    CoordinatorLaunch<Long> three = declaration(8, 0).launch(twoCores).workers(3);
    LaunchRejectedException rejected = assertThrows(LaunchRejectedException.class, three::launch);
    assertTrue(rejected.getMessage().contains("3 lanes asked for, but the runtime has 2"),
        rejected.getMessage());
  }

  @Test
  void argumentsAreCheckedAsTheyAreGiven() {
    CoordinatorLaunchWithInput<Long> launch = declaration(4, 16).launchWithInput(twoCores);
    assertEquals("workers must be between 1 and the declared 4, was 5",
        assertThrows(IllegalArgumentException.class, () -> launch.workers(5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> launch.workers(0));
    assertEquals("input of 17 bytes is larger than maxInputBytes 16 of Test.count",
        assertThrows(IllegalArgumentException.class, () -> launch.input(new byte[17]))
            .getMessage());
    assertThrows(NullPointerException.class, () -> launch.input((byte[]) null));
    assertEquals("maxFuel must not be negative, was -1",
        assertThrows(IllegalArgumentException.class, () -> launch.maxFuel(-1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> launch.deadline(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> launch.deadline(null));
    assertEquals("Test.count declares no output (maxOutputBytes is 0), so it has nowhere to write"
            + " one",
        assertThrows(IllegalArgumentException.class,
            () -> launch.outputTo(MemorySegment.ofArray(new byte[8]))).getMessage());
  }

  @Test
  void theBuilderAskedForIsTheOneTheDeclarationHas() {
    assertThrows(IllegalStateException.class, () -> declaration(2, 0).launchWithInput(twoCores));
    assertThrows(IllegalStateException.class, () -> declaration(2, 16).launch(twoCores));
  }

  @Test
  void aSizeThatIsNotItsLayoutsNowMakesTheDeclarationFail() {
    IllegalStateException stale = assertThrows(IllegalStateException.class,
        () -> new CoordinatorDeclaration<Long, Long>("Test.count", 2, 16, COUNT, 8, COUNT, 0, 0,
            LinearMemoryPlan.DEFAULT_MAX_LINEAR_MEMORY, -1, segment -> 0L, context -> {}));
    assertTrue(stale.getMessage().contains("rebuild clean"), stale.getMessage());
  }
}
