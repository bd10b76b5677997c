package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Launches from several threads at once, mixing successes with every kind of failure, for a few
 * seconds; then: no code of the runtime is running, its threads are back to none after close,
 * fuel adds up in every launch, and a launch still computes the right answer.
 */
class RuntimeStressTest {
  private static final Duration RUN = Duration.ofSeconds(3);
  private static final int KINDS = 10;
  private static final VarHandle COUNT = ValueLayout.JAVA_LONG.varHandle();

  private final AtomicInteger running = new AtomicInteger();

  @Test
  void mixedLaunchesAndFailuresLeaveTheRuntimeCleanAndCorrect() {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      int threadsBefore = laneThreadsOfProcess();
      TaskletRuntime runtime = TaskletRuntime.withCores(4);
      AtomicInteger[] outcomes = new AtomicInteger[KINDS];
      for (int i = 0; i < KINDS; i++) {
        outcomes[i] = new AtomicInteger();
      }
      long end = System.nanoTime() + RUN.toNanos();
      try (ExecutorService launchers = Executors.newFixedThreadPool(4)) {
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int launcher = t;
          Callable<Void> task = () -> {
            for (int round = 0; System.nanoTime() < end; round++) {
              int kind = (launcher + round) % KINDS;
              launchOne(runtime, kind, round);
              outcomes[kind].incrementAndGet();
            }
            return null;
          };
          done.add(launchers.submit(task));
        }
        for (Future<Void> future : done) {
          future.get();
        }
      }
      assertEquals(0, running.get(), "user code still running after every launch returned");
      assertEquals(0, runtime.quarantinedLanes());
      assertEquals(0, runtime.reservedBytes());
      assertTrue(runtime.laneThreads() <= runtime.cores());
      for (int kind = 0; kind < KINDS; kind++) {
        assertTrue(outcomes[kind].get() > 0, "kind " + kind + " never ran");
      }
      launchOne(runtime, 0, 1); // still correct
      runtime.close();
      long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (laneThreadsOfProcess() > threadsBefore) {
        assertTrue(System.nanoTime() < giveUp, "lane threads outlived close()");
        Thread.onSpinWait();
      }
    });
  }

  private static int laneThreadsOfProcess() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tasklet-lane-") && t.isAlive())
        .count();
  }

  /** One launch of kind {@code kind}: 0 succeeds and is checked; the others fail as they must. */
  private void launchOne(TaskletRuntime runtime, int kind, int round) throws Exception {
    int workers = 1 + round % 4;
    long fuel = 10_000;
    LaunchSpec.Builder<long[]> spec = Specs.longs(4).lanes(workers, 64)
        .maxFuel(OptionalLong.of(fuel));
    if (kind % 2 == 1) {
      spec.deadline(Optional.of(Duration.ofMillis(kind == 5 ? 20 : 60_000)));
    }
    byte[] input = new byte[100 + round % 50];
    spec.input(MemorySegment.ofArray(input), input.length);
    CoordinatorBody<long[], Void> body = ctx -> ctx.parallelForWorkers(lane -> {
      running.incrementAndGet();
      try {
        laneBody(kind, lane);
      } finally {
        running.decrementAndGet();
      }
    });
    try {
      TaskletResult<long[]> result = runtime.launch(spec.build(), body);
      assertTrue(kind == 0 || kind == 1 || kind == 9, "kind " + kind + " succeeded");
      assertEquals(fuel, result.fuelConsumed() + result.fuelRemaining());
      if (kind == 0) {
        assertEquals(workers, result.shared()[0]);
      }
    } catch (TaskletException e) {
      Class<? extends TaskletException> expected = switch (kind) {
        case 2 -> FuelExhaustedException.class;
        case 3 -> LaneFailedException.class;
        case 4 -> MemoryAccessException.class;
        case 5 -> DeadlineExceededException.class;
        case 6, 7, 8 -> LaneFailedException.class;
        default -> null;
      };
      assertEquals(expected, e.getClass(), "kind " + kind + ": " + e.getMessage());
    }
  }

  private static void laneBody(int kind, WorkerContext<long[], Void> lane) throws Exception {
    switch (kind) {
      case 0, 1 -> {
        lane.fuelCheckpoint(10);
        long unused = (long) COUNT.getAndAdd(lane.shared(), 0L, 1L);
      }
      case 2 -> {
        while (true) {
          lane.fuelCheckpoint(7);
        }
      }
      case 3 -> {
        if (lane.index() == lane.workers() - 1) {
          throw new HostileCodeTest.Poisoned();
        }
        lane.fuelCheckpoint(1);
      }
      case 4 -> Specs.get(lane.scratch(), 9);
      case 5 -> {
        while (true) {
          lane.fuelCheckpoint(0); // until the 20 ms deadline stops it
        }
      }
      case 6 -> recurse(lane);
      case 7 -> {
        if (lane.index() == 0) {
          throw new HostileCodeTest.Bottomless();
        }
        Thread.sleep(Duration.ofDays(1)); // interrupted by the stop
      }
      case 8 -> {
        if (lane.index() != 0) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("left interrupted");
      }
      default -> {
        if (lane.index() != 0) { // lane 0 runs on the launching thread: that would be its own
          Thread.currentThread().interrupt(); // and the launch succeeds
        }
      }
    }
  }

  private static void recurse(WorkerContext<long[], Void> lane) {
    lane.fuelCheckpoint(0);
    recurse(lane);
  }
}
