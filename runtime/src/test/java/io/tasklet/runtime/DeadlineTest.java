package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deadline bounds {@code launch()} whatever user code does: code that ignores the stop is
 * quarantined, with its cores and memory, until it ends; the rest of the runtime goes on.
 *
 * <p>Tests here assert that launches return, not how fast: the bound each waits for is many times
 * the deadline, so that a loaded machine cannot fail them.
 */
class DeadlineTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final Optional<Duration> SHORT = Optional.of(Duration.ofMillis(100));

  private final TaskletRuntime runtime = TaskletRuntime.withCores(4);
  private volatile boolean release;

  @AfterEach
  void close() {
    release = true;
    runtime.close();
  }

  /** Spins until the test releases it, never reaching a checkpoint. */
  private void runaway() {
    while (!release) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aRunawayLaneIsQuarantinedAndTheLaunchReturnsNamingIt() throws Exception {
    assertTimeoutPreemptively(BOUND, () -> {
      TaskletException failure = Failures.launchFails(runtime,
          Specs.longs(1).lanes(2, 1 << 20).maxFuel(OptionalLong.of(Long.MAX_VALUE))
              .deadline(SHORT).build(),
          ctx -> ctx.parallelForWorkers(lane -> {
            if (lane.index() == 1) {
              runaway();
            } else {
              while (true) {
                lane.fuelCheckpoint(1);
              }
            }
          }));
      assertInstanceOf(DeadlineExceededException.class, failure);
      assertTrue(failure.getMessage().contains("lane 1 did not stop"), failure.getMessage());
      assertEquals(2, runtime.quarantinedLanes()); // lane 1's thread, and the coordinator's
      assertTrue(runtime.toString().contains("quarantinedLanes=2"), runtime.toString());
      assertTrue(runtime.reservedBytes() >= 2 << 20, "the quarantined launch keeps its memory");

      // the cores that remain keep working; a launch needing the held ones waits, bounded
      TaskletResult<long[]> other = runtime.launch(Specs.longs(1).lanes(2, 0).build(),
          (CoordinatorContext<long[], Void> ctx) -> Specs.set(ctx.shared(), 0, 9));
      assertEquals(9, other.shared()[0]);
      TaskletException noCores = Failures.launchFails(runtime,
          Specs.longs(1).lanes(3, 0).deadline(SHORT).build(), ctx -> {});
      assertTrue(noCores.getMessage().contains("waiting for 3 free cores"), noCores.getMessage());

      release = true;
      awaitQuarantineEnd();
      assertEquals(0, runtime.reservedBytes());
      TaskletResult<long[]> all = runtime.launch(Specs.longs(1).lanes(4, 0).build(),
          (CoordinatorContext<long[], Void> ctx) -> Specs.set(ctx.shared(), 0, ctx.workers()));
      assertEquals(4, all.shared()[0]);
    });
  }

  @Test
  void aRunawayCoordinatorIsQuarantinedToo() {
    assertTimeoutPreemptively(BOUND, () -> {
      TaskletException failure = Failures.launchFails(runtime,
          Specs.longs(1).lanes(1, 0).deadline(SHORT).build(), ctx -> runaway());
      assertInstanceOf(DeadlineExceededException.class, failure);
      assertTrue(failure.getMessage().contains("the coordinator did not stop"),
          failure.getMessage());
      assertEquals(1, runtime.quarantinedLanes());
      release = true;
      awaitQuarantineEnd();
    });
  }

  private void awaitQuarantineEnd() {
    long giveUp = System.nanoTime() + BOUND.toNanos();
    while (runtime.quarantinedLanes() != 0 || runtime.reservedBytes() != 0) {
      assertTrue(System.nanoTime() < giveUp, "the quarantine never ended");
      Thread.onSpinWait();
    }
  }

  @Test
  void lanesBlockedInSleepOrQueuesAreInterruptedAtTheDeadline() {
    assertTimeoutPreemptively(BOUND, () -> {
      TaskletException failure = Failures.launchFails(runtime,
          Specs.longs(1).lanes(3, 0).deadline(SHORT).build(),
          ctx -> ctx.parallelForWorkers(lane -> {
            if (lane.index() == 1) {
              new java.util.concurrent.LinkedBlockingQueue<>().take();
            } else {
              Thread.sleep(TimeUnit.DAYS.toMillis(1));
            }
          }));
      assertInstanceOf(DeadlineExceededException.class, failure);
      assertEquals(0, runtime.quarantinedLanes(), "blocked lanes stop when interrupted");
    });
  }

  @Test
  void timeSpentWaitingForCoresCountsAgainstTheDeadline() throws Exception {
    try (TaskletRuntime two = TaskletRuntime.withCores(2)) {
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch letGo = new CountDownLatch(1);
      Thread holder = Thread.ofPlatform().start(() -> {
        try {
          two.launch(Specs.longs(1).lanes(2, 0).build(), (CoordinatorContext<long[], Void> ctx) -> {
            holding.countDown();
            letGo.await();
          });
        } catch (TaskletException e) {
          throw new AssertionError(e);
        }
      });
      holding.await();
      // The cores are freed half-way to the deadline; the launch then has half of it left, and
      // its coordinator, which spins on checkpoints, is stopped when the deadline passes.
      Duration limit = Duration.ofSeconds(4);
      Thread.ofPlatform().start(() -> {
        LockSupportSleep.sleep(limit.dividedBy(2));
        letGo.countDown();
      });
      long start = System.nanoTime();
      TaskletException failure = Failures.launchFails(two,
          Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(Long.MAX_VALUE))
              .deadline(Optional.of(limit)).build(),
          ctx -> {
            while (true) {
              ctx.fuelCheckpoint(1);
            }
          });
      long elapsed = System.nanoTime() - start;
      holder.join();
      assertInstanceOf(DeadlineExceededException.class, failure);
      // Had the deadline restarted after the wait, the launch would have taken 6 s.
      assertTrue(elapsed < limit.plus(limit.dividedBy(4)).toNanos(),
          "took " + Duration.ofNanos(elapsed));
    }
  }

  @Test
  void hugeDeadlinesSaturateAndNullIsRefusedByName() throws Exception {
    for (Duration huge : new Duration[] {
        Duration.ofSeconds(Long.MAX_VALUE), Duration.ofDays(365L * 500), Duration.ofNanos(
            Long.MAX_VALUE)}) {
      TaskletResult<long[]> result = runtime.launch(
          Specs.longs(1).lanes(2, 0).deadline(Optional.of(huge)).build(),
          (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(
              lane -> Specs.set(lane.shared(), 0, 3)));
      assertEquals(3, result.shared()[0]);
    }
    NullPointerException npe =
        assertThrows(NullPointerException.class, () -> LaunchSpec.checkDeadline(null));
    assertTrue(npe.getMessage().contains("deadline"), npe.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LaunchSpec.checkDeadline(Duration.ZERO));
    assertNull(Deadline.after(Duration.ofSeconds(Long.MAX_VALUE)));
  }
}
