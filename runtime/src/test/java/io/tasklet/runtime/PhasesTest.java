package io.tasklet.runtime;

import static io.tasklet.runtime.Specs.get;
import static io.tasklet.runtime.Specs.set;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lanes, phases and regions, on real threads. */
class PhasesTest {
  private final TaskletRuntime runtime = TaskletRuntime.withCores(8);

  @AfterEach
  void close() {
    runtime.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void everyLaneRunsExactlyOncePerPhaseAndSeesThePreviousPhase(int workers) throws Exception {
    int phases = 300;
    TaskletResult<long[]> result = runtime.launch(
        Specs.longs(workers).lanes(workers, 0).maxFuel(OptionalLong.of(0)).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          for (int phase = 0; phase < phases; phase++) {
            int expected = phase;
            ctx.parallelForWorkers(lane -> {
              for (int other = 0; other < lane.workers(); other++) {
                if (get(lane.shared(), other) != expected) {
                  throw new AssertionError("lane " + other + " was not at phase " + expected);
                }
              }
              lane.fuelCheckpoint(0); // a pool of 0 covers checkpoints of 0
            });
            // Every lane writes its own slot only once all lanes have checked the others.
            ctx.parallelForWorkers(lane -> set(lane.shared(), lane.index(),
                get(lane.shared(), lane.index()) + 1));
          }
        });
    long[] counts = result.shared();
    for (int lane = 0; lane < workers; lane++) {
      assertEquals(phases, counts[lane], "phases run by lane " + lane);
    }
    assertEquals(workers, result.workers());
  }

  @Test
  void lanesRunAtTheSameTimeOnDistinctThreads() throws Exception {
    int workers = 8;
    CyclicBarrier allHere = new CyclicBarrier(workers);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Thread launching = Thread.currentThread();
    Set<Thread> lane0 = ConcurrentHashMap.newKeySet();
    runtime.launch(Specs.longs(1).lanes(workers, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
          threads.add(Thread.currentThread());
          if (lane.index() == 0) {
            lane0.add(Thread.currentThread());
          }
          allHere.await(30, TimeUnit.SECONDS); // only returns if all 8 lanes run at once
        }));
    assertEquals(workers, threads.size());
    assertSame(launching, lane0.iterator().next(), "the launching thread runs lane 0");
    assertTrue(runtime.laneThreads() <= runtime.cores() - 1);
  }

  @Test
  void scratchIsPrivateToItsLaneAndKeptAcrossPhases() throws Exception {
    int workers = 4;
    long scratchBytes = 100;
    TaskletResult<long[]> result = runtime.launch(
        Specs.longs(workers).lanes(workers, scratchBytes).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          ctx.parallelForWorkers(lane -> {
            MemorySegment mine = lane.scratch();
            if (mine.byteSize() != scratchBytes) {
              throw new AssertionError("scratch of " + mine.byteSize() + " bytes");
            }
            mine.fill((byte) (lane.index() + 1));
          });
          ctx.parallelForWorkers(lane -> {
            byte[] seen = lane.scratch().toArray(JAVA_BYTE);
            for (byte b : seen) {
              if (b != lane.index() + 1) {
                throw new AssertionError("lane " + lane.index() + " saw " + b);
              }
            }
            set(lane.shared(), lane.index(), lane.scratch().address());
          });
          for (int lane = 0; lane < workers; lane++) {
            assertEquals(lane + 1, ctx.scratch(lane).get(JAVA_BYTE, scratchBytes - 1));
          }
        });
    long[] addresses = result.shared();
    for (int a = 0; a < workers; a++) {
      assertEquals(0, addresses[a] % LinearMemoryPlan.REGION_ALIGNMENT, "scratch on a cache line");
      for (int b = a + 1; b < workers; b++) {
        assertTrue(Math.abs(addresses[a] - addresses[b]) >= scratchBytes, "scratch overlaps");
      }
    }
  }

  @Test
  void aLaneCannotReachPastItsScratch() {
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 16).build(),
        ctx -> ctx.parallelForWorkers(lane -> {
          if (lane.index() == 1) {
            lane.scratch().get(JAVA_LONG, 16); // the next lane's scratch would start here
          }
        }));
    assertEquals(MemoryAccessException.class, failure.getClass());
    assertEquals(1, failure.lane().getAsInt());
  }

  @Test
  void inputIsReadOnlyAndOutputComesBack() throws Exception {
    byte[] bytes = new byte[1000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    TaskletResult<long[]> result = runtime.launch(
        Specs.longs(2).lanes(2, 0).input(MemorySegment.ofArray(bytes), 4096).outputBytes(1000)
            .build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
          assertTrue(lane.input().isReadOnly());
          Share share = lane.share(lane.input().byteSize());
          for (long i = share.start(); i < share.end(); i++) {
            lane.output().set(JAVA_BYTE, i, (byte) (lane.input().get(JAVA_BYTE, i) + 1));
          }
        }));
    byte[] expected = new byte[1000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (bytes[i] + 1);
    }
    assertArrayEquals(expected, result.output());
    assertEquals(0, result.plan().inputBytes(), "an array is read in place, not copied");
  }

  /** Where a large input comes from: the lanes copy it in when they can all read it. */
  enum Source {
    HEAP, SHARED_ARENA, CONFINED_ARENA
  }

  @ParameterizedTest
  @CsvSource({"1, HEAP", "2, HEAP", "8, HEAP", "2, SHARED_ARENA", "8, SHARED_ARENA",
      "2, CONFINED_ARENA"})
  void aLargeInputArrivesWholeWithOneBodyRunPerLane(int workers, Source from) throws Exception {
    byte[] bytes = new byte[(int) Launch.PARALLEL_COPY_BYTES * 3 + 13];
    new SplittableRandom(workers).nextBytes(bytes);
    AtomicInteger bodies = new AtomicInteger();
    try (Arena arena = from == Source.CONFINED_ARENA ? Arena.ofConfined() : Arena.ofShared()) {
      MemorySegment source = from == Source.HEAP
          ? MemorySegment.ofArray(bytes)
          : arena.allocate(bytes.length).copyFrom(MemorySegment.ofArray(bytes));
      TaskletResult<long[]> result = runtime.launch(
          Specs.longs(1).lanes(workers, 0).input(source, bytes.length).build(),
          (CoordinatorContext<long[], Void> ctx) -> {
            ctx.parallelForWorkers(lane -> bodies.incrementAndGet());
            set(ctx.shared(), 0, ctx.input().mismatch(MemorySegment.ofArray(bytes)));
          });
      assertEquals(-1, result.shared()[0], "first byte that differs from the input");
    }
    assertEquals(workers, bodies.get(), "lane bodies run by the one phase");
  }

  @Test
  void everyLaunchStartsFromZeroedMemory() throws Exception {
    for (int round = 0; round < 20; round++) {
      TaskletResult<long[]> result = runtime.launch(
          Specs.longs(64).lanes(2, 512).outputBytes(256).build(),
          (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
            for (int i = 0; i < 64; i++) {
              assertEquals(0, get(lane.shared(), i) & 0xFF00, "shared not zeroed");
            }
            assertEquals(-1, lane.scratch().elements(JAVA_BYTE).mapToInt(s -> s.get(JAVA_BYTE, 0))
                .filter(b -> b != 0).findAny().orElse(-1), "scratch not zeroed");
            lane.scratch().fill((byte) 0x55);
            lane.output().fill((byte) 0x55);
            set(lane.shared(), lane.index(), 0x1);
          }));
      assertNotEquals(0, result.shared()[0]);
    }
  }

  @Test
  void anIdleRuntimeParksItsLaneThreads() throws Exception {
    runtime.launch(Specs.longs(1).lanes(8, 0).build(),
        (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {}));
    assertEquals(7, runtime.laneThreads());
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!allLaneThreadsParked()) {
      assertTrue(System.nanoTime() < giveUp, "lane threads still running after 30 s idle");
      Thread.onSpinWait();
    }
  }

  static boolean allLaneThreadsParked() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tasklet-lane-"))
        .allMatch(t -> t.getState() == Thread.State.WAITING);
  }

  @Test
  void aLaneCannotStartAPhase() {
    TaskletException failure = Failures.launchFails(runtime, Specs.longs(1).lanes(2, 0).build(),
        ctx -> ctx.parallelForWorkers(lane -> ctx.parallelForWorkers(inner -> {})));
    assertEquals(LaneFailedException.class, failure.getClass());
    assertEquals(IllegalStateException.class, failure.getCause().getClass());
  }
}
