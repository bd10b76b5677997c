package io.tasklet.runtime;

import static io.tasklet.runtime.Specs.get;
import static io.tasklet.runtime.Specs.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fuel pool: one exact budget for every lane and the coordinator. */
class FuelPoolTest {
  private final TaskletRuntime runtime = TaskletRuntime.withCores(8);

  @AfterEach
  void close() {
    runtime.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 8})
  void aPoolThatExactlyCoversEveryCheckpointIsNeverShort(int workers) throws Exception {
    long perLane = 200_000;
    long coordinatorDraw = 17;
    long max = workers * perLane + coordinatorDraw;
    TaskletResult<long[]> result = runtime.launch(
        Specs.longs(1).lanes(workers, 0).maxFuel(OptionalLong.of(max)).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          ctx.fuelCheckpoint(coordinatorDraw);
          ctx.parallelForWorkers(lane -> {
            for (long i = 0; i < perLane; i++) {
              lane.fuelCheckpoint(1);
            }
          });
        });
    assertEquals(max, result.fuelConsumed());
    assertEquals(0, result.fuelRemaining());
    for (LaneFigures lane : result.lanes()) {
      assertEquals(perLane, lane.fuelConsumed(), "fuel drawn by lane " + lane.lane());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 8})
  void onePoolShortOfWhatLanesDrawFailsAndCountsExactly(int workers) {
    long perLane = 100_000;
    long max = workers * perLane - 1;
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(workers).lanes(workers, 0).maxFuel(OptionalLong.of(max)).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          for (long i = 0; i < perLane; i++) {
            lane.fuelCheckpoint(1);
            set(lane.shared(), lane.index(), i + 1);
          }
        }));
    FuelExhaustedException exhausted = assertInstanceOf(FuelExhaustedException.class, failure);
    assertEquals(1, exhausted.requested());
    assertEquals(0, exhausted.remaining());
    assertTrue(exhausted.lane().isPresent());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 8})
  void lanesHammeringCheckpointsNeverConsumeMoreThanThePool(int workers) throws Exception {
    long max = 3_000_017;
    AtomicLong[] granted = new AtomicLong[workers];
    for (int i = 0; i < workers; i++) {
      granted[i] = new AtomicLong();
    }
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(workers).lanes(workers, 0).maxFuel(OptionalLong.of(max)).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          SplittableRandom random = new SplittableRandom(lane.index());
          long mine = 0;
          try {
            while (true) {
              long units = 1 + random.nextInt(97);
              lane.fuelCheckpoint(units);
              mine += units;
            }
          } finally {
            granted[lane.index()].set(mine);
          }
        }));
    FuelExhaustedException exhausted = assertInstanceOf(FuelExhaustedException.class, failure);
    long total = 0;
    for (AtomicLong lane : granted) {
      total += lane.get();
    }
    assertEquals(max - exhausted.remaining(), total, "fuel granted must be exactly fuel consumed");
    assertTrue(exhausted.remaining() < exhausted.requested(),
        "failed with " + exhausted.remaining() + " left for " + exhausted.requested());
  }

  @Test
  void withNoPoolEveryCheckpointFails() throws Exception {
    for (long units : new long[] {0, 1, 1000}) {
      TaskletException failure = Failures.launchFails(runtime,
          Specs.longs(1).lanes(2, 0).build(),
          ctx -> ctx.parallelForWorkers(lane -> lane.fuelCheckpoint(units)));
      FuelExhaustedException exhausted = assertInstanceOf(FuelExhaustedException.class, failure);
      assertFalse(exhausted.poolConfigured());
      assertEquals(units, exhausted.requested());
      assertTrue(exhausted.getMessage().contains("set maxFuel"), exhausted.getMessage());
    }
    TaskletResult<long[]> quiet = runtime.launch(Specs.longs(1).lanes(2, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {}));
    assertEquals(0, quiet.fuelConsumed());
    assertFalse(quiet.maxFuel().isPresent());
  }

  @Test
  void theCoordinatorDrawsFromTheSamePool() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(100)).build(),
        ctx -> {
          ctx.parallelForWorkers(lane -> lane.fuelCheckpoint(40));
          ctx.fuelCheckpoint(21);
        });
    FuelExhaustedException exhausted = assertInstanceOf(FuelExhaustedException.class, failure);
    assertEquals(20, exhausted.remaining());
    assertFalse(exhausted.lane().isPresent(), "the coordinator has no lane");
  }

  @Test
  void negativeUnitsAreAnError() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(1, 0).maxFuel(OptionalLong.of(100)).build(),
        ctx -> ctx.parallelForWorkers(lane -> lane.fuelCheckpoint(-1)));
    assertInstanceOf(IllegalArgumentException.class, failure.getCause());
    assertThrows(IllegalArgumentException.class,
        () -> Specs.longs(1).maxFuel(OptionalLong.of(-5)));
  }

  @Test
  void fuelIsCountedPerLaneAcrossPhases() throws Exception {
    TaskletResult<long[]> result = runtime.launch(
        Specs.longs(2).lanes(2, 0).maxFuel(OptionalLong.of(1_000)).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          for (int phase = 0; phase < 3; phase++) {
            ctx.parallelForWorkers(lane -> lane.fuelCheckpoint(10 * (lane.index() + 1)));
          }
          ctx.fuelCheckpoint(5);
          set(ctx.shared(), 0, get(ctx.shared(), 0));
        });
    assertEquals(30, result.lanes().get(0).fuelConsumed());
    assertEquals(60, result.lanes().get(1).fuelConsumed());
    assertEquals(95, result.fuelConsumed());
    assertEquals(905, result.fuelRemaining());
  }

  @Test
  void aLeaseAnotherLaneHoldsComesBackAtThatLanesNextCheckpoint() throws Exception {
    long max = 1_000;
    AtomicBoolean leased = new AtomicBoolean();
    AtomicBoolean drawn = new AtomicBoolean();
    TaskletResult<long[]> result = runtime.launch(
        Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(max)).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
          if (lane.index() == 1) {
            lane.fuelCheckpoint(1); // takes a lease besides
            leased.set(true);
            while (!drawn.get()) {
              lane.fuelCheckpoint(0); // waits as lanes must: making checkpoints
            }
          } else {
            while (!leased.get()) {
              Thread.onSpinWait();
            }
            lane.fuelCheckpoint(max - 1); // needs lane 1's lease back
            drawn.set(true);
          }
        }));
    assertEquals(max - 1, result.lanes().get(0).fuelConsumed());
    assertEquals(1, result.lanes().get(1).fuelConsumed());
    assertEquals(0, result.fuelRemaining());
  }

  @Test
  void aDrawerWaitingForALeaseStopsWithTheLaunch() {
    AtomicBoolean leased = new AtomicBoolean();
    AtomicBoolean drawerDone = new AtomicBoolean();
    AtomicReference<Throwable> drawerSaw = new AtomicReference<>();
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(1_000))
            .deadline(Optional.of(Duration.ofMillis(100))).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          if (lane.index() == 1) {
            lane.fuelCheckpoint(1);
            leased.set(true);
            while (!drawerDone.get()) {
              Thread.onSpinWait(); // no checkpoint: its lease never comes back
            }
          } else {
            while (!leased.get()) {
              Thread.onSpinWait();
            }
            try {
              lane.fuelCheckpoint(999);
            } catch (Throwable t) {
              drawerSaw.set(t);
              throw t;
            } finally {
              drawerDone.set(true);
            }
          }
        }));
    assertInstanceOf(DeadlineExceededException.class, failure);
    assertInstanceOf(TaskletStoppedException.class, drawerSaw.get());
  }

  @Test
  void theCoordinatorsCheckpointDuringAPhaseIsAnError() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(100)).build(),
        ctx -> ctx.parallelForWorkers(lane -> ctx.fuelCheckpoint(1)));
    assertInstanceOf(LaneFailedException.class, failure);
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertTrue(cause.getMessage().contains("during a phase"), cause.getMessage());
  }

  @Test
  void aLanesContextDrawsOnlyOnItsLanesThread() {
    AtomicReference<WorkerContext<long[], Void>> laneOne = new AtomicReference<>();
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(100)).build(),
        ctx -> {
          ctx.parallelForWorkers(lane -> {
            if (lane.index() == 1) {
              laneOne.set(lane);
            }
          });
          ctx.parallelForWorkers(lane -> {
            if (lane.index() == 0) {
              laneOne.get().fuelCheckpoint(1);
            }
          });
        });
    LaneFailedException failed = assertInstanceOf(LaneFailedException.class, failure);
    assertEquals(0, failed.lane().getAsInt());
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertTrue(cause.getMessage().contains("the context of lane 1 was used on"),
        cause.getMessage());
  }
}
