package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A launch's memory and contexts belong to that launch alone: kept past it, they fail on use;
 * a lane reaches no other lane's scratch; coordinator-only methods refuse lanes.
 */
class IsolationTest {
  private final TaskletRuntime runtime = TaskletRuntime.withCores(4);

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void everySegmentALaunchHandedOutFailsOnceItEnds() throws Exception {
    List<MemorySegment> kept = new ArrayList<>();
    byte[] input = {1, 2, 3, 4, 5, 6, 7, 8};
    runtime.launch(Specs.longs(2).lanes(2, 64).outputBytes(16)
            .input(MemorySegment.ofArray(input), input.length).copyInput(true).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          kept.add(ctx.shared());
          kept.add(ctx.input());
          kept.add(ctx.output());
          kept.add(ctx.scratch(1));
          ctx.parallelForWorkers(lane -> {
            synchronized (kept) {
              kept.add(lane.scratch());
              kept.add(lane.shared());
            }
          });
        });
    for (MemorySegment segment : kept) {
      assertThrows(IllegalStateException.class, () -> segment.get(ValueLayout.JAVA_BYTE, 0));
      if (!segment.isReadOnly()) {
        assertThrows(IllegalStateException.class, () -> segment.set(ValueLayout.JAVA_BYTE, 0,
            (byte) 42));
      }
    }
  }

  @Test
  void aWriteThroughAKeptSegmentNeverReachesALaterLaunch() throws Exception {
    AtomicReference<MemorySegment> stale = new AtomicReference<>();
    runtime.launch(Specs.longs(4).lanes(2, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> stale.set(ctx.shared()));
    for (int launch = 0; launch < 20; launch++) {
      TaskletResult<long[]> later = runtime.launch(Specs.longs(4).lanes(2, 0).build(),
          (CoordinatorContext<long[], Void> ctx) -> {
            assertThrows(IllegalStateException.class, () -> Specs.set(stale.get(), 0, 666));
            ctx.parallelForWorkers(lane -> Specs.set(lane.shared(), lane.index(), 1));
          });
      assertEquals(1, later.shared()[0]);
      assertEquals(0, later.shared()[2]);
    }
  }

  @Test
  void aLaneReachingAnotherLanesScratchThroughTheCoordinatorFailsTheLaunch() {
    TaskletException failure = Failures.launchFails(runtime, Specs.longs(1).lanes(2, 64).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          if (lane.index() == 0) {
            Specs.set(ctx.scratch(1), 0, 7);
          }
        }));
    LaneFailedException laneFailed = assertInstanceOf(LaneFailedException.class, failure);
    assertEquals(0, laneFailed.lane().getAsInt());
    assertInstanceOf(IllegalStateException.class, failure.getCause());
  }

  @Test
  void aMisuseThatUserCodeCatchesStillFailsTheLaunch() {
    TaskletException failure = Failures.launchFails(runtime, Specs.longs(1).lanes(2, 64).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          if (lane.index() == 1) {
            try {
              ctx.scratch(0);
            } catch (IllegalStateException swallowed) {
              // a hostile lane hides the refusal
            }
          }
        }));
    assertEquals(1, assertInstanceOf(LaneFailedException.class, failure).lane().getAsInt());
  }

  @Test
  void theCoordinatorDrawingOnLaneZerosContextBetweenPhasesFailsTheLaunch() {
    AtomicReference<WorkerContext<long[], Void>> laneZero = new AtomicReference<>();
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).maxFuel(OptionalLong.of(1000)).build(),
        ctx -> {
          ctx.parallelForWorkers(lane -> {
            if (lane.index() == 0) {
              laneZero.set(lane);
            }
          });
          try {
            laneZero.get().fuelCheckpoint(10);
          } catch (IllegalStateException swallowed) {
            // caught, yet the launch fails
          }
        });
    assertInstanceOf(CoordinatorFailedException.class, failure);
    assertTrue(failure.getCause().getMessage().contains("the context of lane 0"),
        failure.getCause().getMessage());
  }

  @Test
  void everyMethodOfAKeptContextFailsAtOnceAndTouchesNoLane() throws Exception {
    AtomicReference<CoordinatorContext<long[], Void>> coordinator = new AtomicReference<>();
    AtomicReference<WorkerContext<long[], Void>> lane = new AtomicReference<>();
    runtime.launch(Specs.longs(1).lanes(2, 8).maxFuel(OptionalLong.of(100)).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          coordinator.set(ctx);
          ctx.parallelForWorkers(l -> {
            if (l.index() == 1) {
              lane.set(l);
            }
          });
        });
    List<Executable> uses = List.of(
        () -> coordinator.get().parallelForWorkers(l -> Specs.set(l.shared(), 0, 1)),
        () -> coordinator.get().shared(),
        () -> coordinator.get().input(),
        () -> coordinator.get().output(),
        () -> coordinator.get().workers(),
        () -> coordinator.get().scratch(0),
        () -> coordinator.get().fuelCheckpoint(1),
        () -> lane.get().index(),
        () -> lane.get().workers(),
        () -> lane.get().shared(),
        () -> lane.get().input(),
        () -> lane.get().output(),
        () -> lane.get().scratch(),
        () -> lane.get().share(10),
        () -> lane.get().fuelCheckpoint(1));
    for (Executable use : uses) {
      assertThrows(IllegalStateException.class, use);
    }
    runtime.close();
    for (Executable use : uses) {
      assertThrows(IllegalStateException.class, use);
    }
    assertEquals(0, runtime.laneThreads(), "close stopped every idle lane thread");
  }

  @Test
  void anIdleRuntimeHoldsNoLinearMemoryAndReleasesEverythingOnClose() throws Exception {
    long bytes = 64L << 20;
    runtime.launch(Specs.longs(1).lanes(2, bytes / 2).maxLinearMemory(bytes + (1 << 20)).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(
            lane -> lane.scratch().fill((byte) 1)));
    assertEquals(0, runtime.reservedBytes());
    runtime.close();
    assertEquals(0, runtime.reservedBytes());
  }
}
