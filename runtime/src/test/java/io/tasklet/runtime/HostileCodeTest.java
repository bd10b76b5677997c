package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * User code that breaks the rules, from wherever it runs: every launch still ends, with a typed
 * error, no lane of it running, and the runtime ready for the next.
 */
class HostileCodeTest {
  private static final Duration BOUND = Duration.ofSeconds(30);

  private final TaskletRuntime runtime = TaskletRuntime.withCores(4);

  @AfterEach
  void runtimeStillWorks() throws Exception {
    Failures.assertStillWorks(runtime);
    runtime.close();
  }

  /** An exception whose message and string form throw. */
  static final class Poisoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage is poisoned");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString is poisoned");
    }
  }

  /** An index error whose message, string form and stack trace all throw. */
  static final class PoisonedIndex extends IndexOutOfBoundsException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage is poisoned");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString is poisoned");
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      throw new IllegalStateException("getStackTrace is poisoned");
    }
  }

  @Test
  void anIndexErrorWhoseEveryMethodThrowsStillFailsTyped() {
    assertTimeoutPreemptively(BOUND, () -> {
      TaskletException failure = Failures.launchFails(runtime,
          Specs.longs(1).lanes(2, 0).build(), ctx -> ctx.parallelForWorkers(lane -> {
            if (lane.index() == 1) {
              throw new PoisonedIndex();
            }
          }));
      assertInstanceOf(LaneFailedException.class, failure);
      assertEquals(1, failure.lane().getAsInt());
      assertInstanceOf(PoisonedIndex.class, failure.getCause());
    });
  }

  @Test
  void aSharedStateReaderThatThrowsPoisonFailsTheLaunchTyped() {
    assertTimeoutPreemptively(BOUND, () -> {
      LaunchSpec<long[]> spec = LaunchSpec.<long[]>builder("Test.reader", 8, segment -> {
        throw new Poisoned();
      }).lanes(2, 0).build();
      TaskletException failure = Failures.launchFails(runtime, spec,
          ctx -> ctx.parallelForWorkers(lane -> Specs.set(lane.shared(), 0, 1)));
      assertInstanceOf(CoordinatorFailedException.class, failure);
      assertTrue(failure.getMessage().contains(Poisoned.class.getName()), failure.getMessage());
      assertEquals(0, runtime.reservedBytes(), "the launch's memory went back all the same");
    });
  }

  /** An exception whose message recurses until the stack overflows. */
  static final class Bottomless extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      return getMessage() + ".";
    }
  }

  @Test
  void aLaneThrowingAnExceptionWhoseMessageThrowsFailsTypedAndEveryLaneEnds() {
    assertTimeoutPreemptively(BOUND, () -> {
      AtomicInteger running = new AtomicInteger(); // lanes whose body started and has not ended
      TaskletException failure = Failures.launchFails(runtime,
          Specs.longs(1).lanes(4, 0).maxFuel(OptionalLong.of(Long.MAX_VALUE)).build(),
          ctx -> ctx.parallelForWorkers(lane -> {
            if (lane.index() == 2) {
              throw new Poisoned();
            }
            running.incrementAndGet(); // a lane that starts after the stop skips its body
            try {
              while (true) {
                lane.fuelCheckpoint(1);
              }
            } finally {
              running.decrementAndGet();
            }
          }));
      assertInstanceOf(LaneFailedException.class, failure);
      assertEquals(2, failure.lane().getAsInt());
      assertTrue(failure.getMessage().contains(Poisoned.class.getName()), failure.getMessage());
      assertEquals(0, running.get(), "a lane still ran when launch() returned");
    });
  }

  @Test
  void aCoordinatorThrowingPoisonedOrBottomlessExceptionsFailsTyped() {
    assertTimeoutPreemptively(BOUND, () -> {
      TaskletException poisoned = Failures.launchFails(runtime,
          Specs.longs(1).lanes(2, 0).build(), ctx -> {
            throw new Poisoned();
          });
      assertInstanceOf(CoordinatorFailedException.class, poisoned);
      TaskletException bottomless = Failures.launchFails(runtime,
          Specs.longs(1).lanes(2, 0).build(), ctx -> ctx.parallelForWorkers(lane -> {
            throw new Bottomless();
          }));
      assertInstanceOf(LaneFailedException.class, bottomless);
      assertTrue(bottomless.getMessage().contains("getMessage() threw"), bottomless.getMessage());
    });
  }

  private static int recurse(WorkerContext<long[], Void> lane, int depth) {
    lane.fuelCheckpoint(1);
    return recurse(lane, depth + 1) + 1;
  }

  @Test
  void aStackOverflowInEveryLaneOrInTheCoordinatorFailsTyped() {
    assertTimeoutPreemptively(BOUND, () -> {
      TaskletException lanes = Failures.launchFails(runtime,
          Specs.longs(1).lanes(4, 0).maxFuel(OptionalLong.of(Long.MAX_VALUE)).build(),
          ctx -> ctx.parallelForWorkers(lane -> recurse(lane, 0)));
      assertInstanceOf(LaneFailedException.class, lanes);
      // Wherever the overflow strikes, in the coordinator's own frames (which it may catch and
      // go on from) or inside a phase (which fails the launch), every lane of every phase has
      // ended when launch() returns, and any failure is typed.
      AtomicInteger running = new AtomicInteger();
      try {
        runtime.launch(Specs.longs(1).lanes(4, 0).build(),
            (CoordinatorContext<long[], Void> ctx) -> overflowAroundPhases(ctx, running));
      } catch (TaskletException typed) {
        assertTrue(typed instanceof CoordinatorFailedException
            || typed instanceof LaneFailedException, typed.toString());
      }
      assertEquals(0, running.get(), "a lane still ran when launch() returned");
    });
  }

  /** Starts phases at every depth until the stack overflows, then swallows the overflow. */
  private static void overflowAroundPhases(
      CoordinatorContext<long[], Void> ctx, AtomicInteger running) {
    try {
      ctx.parallelForWorkers(lane -> {
        running.incrementAndGet();
        try {
          Specs.set(lane.shared(), 0, 1);
        } finally {
          running.decrementAndGet();
        }
      });
      overflowAroundPhases(ctx, running);
    } catch (StackOverflowError swallowed) {
      // back at a shallower frame the coordinator returns normally
    }
  }

  @Test
  void aLaunchFromInsideALaunchOnTheSameRuntimeIsRejectedInsteadOfHanging() {
    assertTimeoutPreemptively(BOUND, () -> {
      try (TaskletRuntime two = TaskletRuntime.withCores(2)) {
        AtomicReference<TaskletException> fromCoordinator = new AtomicReference<>();
        AtomicReference<TaskletException> fromLane = new AtomicReference<>();
        for (Duration deadline : new Duration[] {null, Duration.ofMinutes(5)}) {
          LaunchSpec.Builder<long[]> spec = Specs.longs(1).lanes(2, 0);
          if (deadline != null) {
            spec.deadline(java.util.Optional.of(deadline));
          }
          two.launch(spec.build(), (CoordinatorContext<long[], Void> ctx) -> {
            fromCoordinator.set(nested(two));
            ctx.parallelForWorkers(lane -> {
              if (lane.index() == 1) {
                fromLane.set(nested(two));
              }
            });
          });
          assertInstanceOf(LaunchRejectedException.class, fromCoordinator.get());
          assertInstanceOf(LaunchRejectedException.class, fromLane.get());
          assertTrue(fromCoordinator.get().getMessage().contains("same runtime"));
        }
        TaskletResult<long[]> elsewhere = two.launch(Specs.longs(1).lanes(1, 0).build(),
            (CoordinatorContext<long[], Void> ctx) -> Specs.set(ctx.shared(), 0,
                runtime.launch(Specs.longs(1).lanes(2, 0).build(),
                    (CoordinatorContext<long[], Void> inner) -> Specs.set(inner.shared(), 0, 5))
                    .shared()[0]));
        assertEquals(5, elsewhere.shared()[0], "a launch on another runtime is fine");
      }
    });
  }

  private static TaskletException nested(TaskletRuntime runtime) {
    try {
      runtime.launch(Specs.longs(1).lanes(1, 0).build(),
          (CoordinatorContext<long[], Void> ctx) -> {});
      return null;
    } catch (TaskletException e) {
      return e;
    }
  }

  @Test
  void aLaneLeavingItsThreadInterruptedLeavesNoTraceInTheNextPhase() throws Exception {
    TaskletResult<long[]> result = runtime.launch(Specs.longs(4).lanes(4, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          ctx.parallelForWorkers(lane -> {
            if (lane.index() != 0) {
              Thread.currentThread().interrupt();
            }
          });
          // Between the phases the lane loops wait with their threads' interrupts still set:
          // they must park, not spin on the interrupt, and start the next phase without it.
          long giveUp = System.nanoTime() + BOUND.toNanos();
          while (!PhasesTest.allLaneThreadsParked()) {
            assertTrue(System.nanoTime() < giveUp, "a lane thread never parked between phases");
            Thread.onSpinWait();
          }
          ctx.parallelForWorkers(lane -> Specs.set(lane.shared(), lane.index(),
              Thread.currentThread().isInterrupted() ? 1 : 0));
        });
    assertEquals(0, result.shared()[1] + result.shared()[2] + result.shared()[3]);
  }

  @Test
  void aLaneLeavingItsThreadInterruptedLeavesNoTraceInTheNextLaunch() throws Exception {
    runtime.launch(Specs.longs(1).lanes(4, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
          if (lane.index() != 0) {
            Thread.currentThread().interrupt();
          }
        }));
    TaskletResult<long[]> next = runtime.launch(Specs.longs(4).lanes(4, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane ->
            Specs.set(lane.shared(), lane.index(), Thread.currentThread().isInterrupted() ? 1 : 0)));
    assertEquals(0, next.shared()[1] + next.shared()[2] + next.shared()[3]);
    assertFalse(Thread.currentThread().isInterrupted());
    long giveUp = System.nanoTime() + BOUND.toNanos();
    while (!PhasesTest.allLaneThreadsParked()) {
      assertTrue(System.nanoTime() < giveUp, "an idle lane thread never parked");
      Thread.onSpinWait();
    }
  }
}
