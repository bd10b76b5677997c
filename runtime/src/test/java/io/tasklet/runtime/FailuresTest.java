package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of failure: the launch fails with its typed error naming the lane, the other lanes
 * stop, and the runtime is ready for the next launch.
 */
class FailuresTest {
  private static final OptionalLong PLENTY = OptionalLong.of(Long.MAX_VALUE);

  private final TaskletRuntime runtime = TaskletRuntime.withCores(4);

  @AfterEach
  void runtimeStillWorks() throws Exception {
    Failures.assertStillWorks(runtime);
    runtime.close();
  }

  /** A phase where lane {@code failing} fails and every other lane spins on checkpoints. */
  private static LaneBody<long[], Void> othersSpinUntilStopped(int failing, Runnable failure) {
    return lane -> {
      if (lane.index() == failing) {
        failure.run();
      }
      while (true) {
        lane.fuelCheckpoint(1);
      }
    };
  }

  @Test
  void anExceptionInALaneStopsTheOthersAndNamesTheLane() {
    IllegalStateException thrown = new IllegalStateException("boom");
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(4, 0).maxFuel(PLENTY).build(),
        ctx -> ctx.parallelForWorkers(othersSpinUntilStopped(2, () -> {
          throw thrown;
        })));
    LaneFailedException laneFailed = assertInstanceOf(LaneFailedException.class, failure);
    assertEquals(2, laneFailed.lane().getAsInt());
    assertSame(thrown, laneFailed.getCause());
    assertEquals("Test.tasklet", laneFailed.tasklet());
    assertTrue(laneFailed.getMessage().contains("lane 2"), laneFailed.getMessage());
  }

  @Test
  void anExceptionInTheCoordinatorIsACoordinatorFailure() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).build(),
        ctx -> {
          ctx.parallelForWorkers(lane -> {});
          throw new java.io.IOException("disk");
        });
    assertInstanceOf(CoordinatorFailedException.class, failure);
    assertFalse(failure.lane().isPresent());
    assertInstanceOf(java.io.IOException.class, failure.getCause());
  }

  @Test
  void anOutOfRangeAccessToLinearMemoryIsAMemoryAccessFailure() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(4, 0).maxFuel(PLENTY).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          if (lane.index() == 3) {
            Specs.get(lane.shared(), 300);
          }
          while (true) {
            lane.fuelCheckpoint(1);
          }
        }));
    assertInstanceOf(MemoryAccessException.class, failure);
    assertEquals(3, failure.lane().getAsInt());
    assertTrue(failure.getMessage().contains("out of range in lane 3"), failure.getMessage());
  }

  @Test
  void anIndexOutOfBoundsOfUserCodeIsALaneFailureNotAMemoryAccess() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          if (lane.index() == 1) {
            java.util.List.of(1, 2).get(5);
          }
        }));
    assertInstanceOf(LaneFailedException.class, failure);
    assertInstanceOf(IndexOutOfBoundsException.class, failure.getCause());
    TaskletException charAt = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).build(), ctx -> "ab".charAt(7));
    assertInstanceOf(CoordinatorFailedException.class, charAt);
  }

  @Test
  void exhaustedFuelStopsEveryLane() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(4, 0).maxFuel(OptionalLong.of(10_000)).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          while (true) {
            lane.fuelCheckpoint(1);
          }
        }));
    assertInstanceOf(FuelExhaustedException.class, failure);
  }

  @Test
  void aStopSignalCaughtByUserCodeStillFailsTheLaunch() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(5)).build(),
        ctx -> {
          try {
            ctx.parallelForWorkers(lane -> lane.fuelCheckpoint(3));
          } catch (TaskletStoppedException ignored) {
            // swallowed on purpose: the launch must fail anyway
          }
        });
    assertInstanceOf(FuelExhaustedException.class, failure);
  }

  @Test
  void interruptingTheLaunchingThreadStopsTheLaunch() throws Exception {
    CountDownLatch lanesRunning = new CountDownLatch(4);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread launcher = new Thread(() -> {
      try {
        runtime.launch(Specs.longs(1).lanes(4, 0).maxFuel(PLENTY).build(),
            (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
              lanesRunning.countDown();
              while (true) {
                lane.fuelCheckpoint(1);
              }
            }));
        outcome.set(new AssertionError("the launch succeeded"));
      } catch (TaskletException e) {
        outcome.set(Thread.currentThread().isInterrupted() ? e : new AssertionError("flag lost"));
      }
    });
    launcher.start();
    assertTrue(lanesRunning.await(30, TimeUnit.SECONDS));
    launcher.interrupt();
    launcher.join();
    assertInstanceOf(LaunchInterruptedException.class, outcome.get());
  }

  @Test
  void aLaunchThatOutlivesItsDeadlineIsStopped() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(4, 0).maxFuel(PLENTY).deadline(Optional.of(Duration.ofMillis(50)))
            .build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          while (true) {
            lane.fuelCheckpoint(1);
          }
        }));
    assertInstanceOf(DeadlineExceededException.class, failure);
  }

  @Test
  void moreLanesThanCoresIsRejectedBeforeAnythingRuns() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(5, 0).build(),
        ctx -> {
          throw new AssertionError("ran");
        });
    assertInstanceOf(LaunchRejectedException.class, failure);
    assertTrue(failure.getMessage().contains("5 lanes asked for, but the runtime has 4 cores"),
        failure.getMessage());
  }

  @Test
  void inputLargerThanItsMaximumIsRejectedBeforeAnythingRuns() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(1, 0).input(MemorySegment.ofArray(new byte[101]), 100).build(),
        ctx -> {
          throw new AssertionError("ran");
        });
    assertInstanceOf(LaunchRejectedException.class, failure);
    assertTrue(failure.getMessage().contains("input of 101 bytes is larger than maxInputBytes 100"),
        failure.getMessage());
  }

  @Test
  void anInputTheLaunchingThreadCannotReadIsRejectedBeforeAnythingRuns() throws Exception {
    Arena closed = Arena.ofShared();
    MemorySegment gone = closed.allocate(16);
    closed.close();
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).input(gone, 100).build(),
        ctx -> {
          throw new AssertionError("ran");
        });
    assertInstanceOf(LaunchRejectedException.class, failure);
    assertTrue(failure.getMessage().contains("the input segment's arena is closed"),
        failure.getMessage());

    AtomicReference<MemorySegment> elsewhere = new AtomicReference<>();
    CountDownLatch allocated = new CountDownLatch(1);
    CountDownLatch launched = new CountDownLatch(1);
    Thread owner = Thread.ofPlatform().start(() -> {
      try (Arena confined = Arena.ofConfined()) {
        elsewhere.set(confined.allocate(16));
        allocated.countDown();
        launched.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      allocated.await();
      TaskletException foreign = Failures.launchFails(runtime,
          Specs.longs(1).lanes(2, 0).input(elsewhere.get(), 100).build(),
          ctx -> {
            throw new AssertionError("ran");
          });
      assertInstanceOf(LaunchRejectedException.class, foreign);
      assertTrue(foreign.getMessage().contains("belongs to a confined arena of another thread"),
          foreign.getMessage());
    } finally {
      launched.countDown();
      owner.join();
    }
  }

  @Test
  void aPlanOverItsBudgetIsRejectedWithTheArithmetic() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(4, 2048).maxLinearMemory(4096).build(),
        ctx -> {
          throw new AssertionError("ran");
        });
    assertInstanceOf(LaunchRejectedException.class, failure);
    assertTrue(failure.getMessage().contains("linear memory budget exceeded: shared 8 B"),
        failure.getMessage());
  }

  @Test
  void aClosedRuntimeRejectsLaunches() {
    TaskletRuntime closed = TaskletRuntime.withCores(2);
    closed.close();
    TaskletException failure = Failures.launchFails(closed, Specs.longs(1).lanes(2, 0).build(),
        ctx -> {});
    assertInstanceOf(LaunchRejectedException.class, failure);
    assertThrows(IllegalArgumentException.class, () -> TaskletRuntime.withCores(0));
  }
}
