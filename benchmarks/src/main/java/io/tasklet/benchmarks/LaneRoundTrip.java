package io.tasklet.benchmarks;

import io.tasklet.runtime.CoordinatorBody;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one round trip to the lanes costs: handing every lane an empty body and waiting until all
 * have run it. One operation is {@value #ROUNDS} round trips, so scores are per round trip.
 *
 * <p>{@link #tasklet} makes {@value #ROUNDS} calls of {@code parallelForWorkers} in one launch
 * (the launch's own cost, measured by {@link LaunchOverhead}, is spread over them). The baselines
 * do the same number of rounds with the JDK's tools: {@code ForkJoinPool.invokeAll} of as many
 * empty tasks as there are lanes, and two threads meeting once per round at a {@code
 * CyclicBarrier} or a {@code Phaser} (one of them the benchmark thread, like lane 0).
 *
 * <p>{@link #pingPong} is the floor of a round trip: the benchmark thread writes a counter, the
 * other thread, spinning, writes it back, each on a cache line of its own. A round trip to a lane
 * is two such messages in a row, the hand-off and the arrival, and cannot cost less. A barrier
 * round among two threads has one on its path: the last to arrive goes on at once, and only the
 * other waits to hear of it.
 *
 * <p>{@link #taskletBesideBusyCore} and {@link #phaserBesideBusyCore} do the same beside a thread
 * that keeps a core busy, as other work does on a machine the runtime shares: there a waiter that
 * spins keeps from its core the thread it waits for.
 *
 * <p>{@link #tasklet}, {@link #phaser} and {@link #pingPong} warm up for six iterations rather
 * than the suite's three, and so does {@link FlightRecorderOverhead#roundTrip}: the tasklet's round
 * trip on 2 lanes was still getting faster after three, its first measured iteration slower than
 * the others by a fifth to a half (453, then 337-368 ns in one full run; 558, then 374-387 ns in
 * another). They also run three forks rather than the suite's one: the round trip and the {@code
 * Phaser} round each move from one JVM to the next by more than they differ (the round trip
 * 348-457 ns, the {@code Phaser} 344-491 ns in twelve full runs of one fork), so that one fork
 * compared two draws. The baselines it is far faster than keep the suite's settings, so that the
 * whole suite stays short.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LaneRoundTrip {
  /** Round trips per benchmark operation. */
  static final int ROUNDS = 1000;

  private static final CoordinatorBody<Void, Void> EMPTY_PHASES = ctx -> {
    for (int round = 0; round < ROUNDS; round++) {
      ctx.parallelForWorkers(Launches.EMPTY);
    }
  };

  /** A fork/join pool of parallelism 2 and {@code tasks} empty tasks. */
  @State(Scope.Benchmark)
  public static class ForkJoin {
    @Param({"1", "2"})
    int tasks;

    ForkJoinPool pool;
    List<Callable<Void>> work;

    @Setup
    public void start() {
      pool = new ForkJoinPool(2);
      work = Collections.nCopies(tasks, () -> null);
    }

    @TearDown
    public void stop() {
      pool.close();
    }
  }

  /** {@code threads - 1} threads that meet the benchmark thread at a barrier until torn down. */
  @State(Scope.Benchmark)
  public static class Barrier {
    @Param("2")
    int threads;

    CyclicBarrier barrier;
    Thread[] others;

    @Setup
    public void start() {
      barrier = new CyclicBarrier(threads);
      others = startThreads(threads - 1, "barrier", () -> {
        try {
          while (true) {
            barrier.await();
          }
        } catch (InterruptedException | BrokenBarrierException e) {
          // torn down
        }
      });
    }

    @TearDown
    public void stop() throws InterruptedException {
      for (Thread other : others) {
        other.interrupt();
        other.join();
      }
    }
  }

  /** {@code threads - 1} threads that meet the benchmark thread at a phaser until torn down. */
  @State(Scope.Benchmark)
  public static class PhaserParties {
    @Param("2")
    int threads;

    Phaser phaser;
    Thread[] others;

    @Setup
    public void start() {
      phaser = new Phaser(threads);
      others = startThreads(threads - 1, "phaser", () -> {
        while (phaser.arriveAndAwaitAdvance() >= 0) {
          // one round per advance, until terminated
        }
      });
    }

    @TearDown
    public void stop() throws InterruptedException {
      phaser.forceTermination();
      for (Thread other : others) {
        other.join();
      }
    }
  }

  /** A thread that writes back every value the benchmark thread writes, until torn down. */
  @State(Scope.Benchmark)
  public static class Echo {
    @Param("2")
    int threads;

    final PaddedLong sent = new PaddedLong();
    final PaddedLong echoed = new PaddedLong();
    volatile boolean stop;
    Thread echo;

    @Setup
    public void start() {
      echo = startThreads(1, "echo", () -> {
        long seen = 0;
        while (!stop) {
          long value = sent.value;
          if (value == seen) {
            Thread.onSpinWait();
          } else {
            seen = value;
            echoed.value = value;
          }
        }
      })[0];
    }

    @TearDown
    public void stop() throws InterruptedException {
      stop = true;
      echo.join();
    }
  }

  /** A thread that keeps a core busy until torn down. */
  @State(Scope.Benchmark)
  public static class BusyCore {
    volatile boolean stop;
    Thread busy;

    @Setup
    public void start() {
      busy = startThreads(1, "busy", () -> {
        while (!stop) {
          Thread.onSpinWait();
        }
      })[0];
    }

    @TearDown
    public void stop() throws InterruptedException {
      stop = true;
      busy.join();
    }
  }

  /** A volatile long with a cache line of padding on either side. */
  @SuppressWarnings("unused")
  static final class PaddedLong {
    long p0, p1, p2, p3, p4, p5, p6, p7;
    volatile long value;
    long q0, q1, q2, q3, q4, q5, q6, q7;
  }

  @Benchmark
  @Warmup(iterations = 6)
  @Fork(3)
  @OperationsPerInvocation(ROUNDS)
  public TaskletResult<Void> tasklet(EmptyLanes state) throws TaskletException {
    return state.runtime.launch(state.spec, EMPTY_PHASES);
  }

  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public void forkJoinInvokeAll(ForkJoin state, Blackhole blackhole) throws InterruptedException {
    for (int round = 0; round < ROUNDS; round++) {
      blackhole.consume(state.pool.invokeAll(state.work));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public void cyclicBarrier(Barrier state) throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      state.barrier.await();
    }
  }

  @Benchmark
  @Warmup(iterations = 6)
  @Fork(3)
  @OperationsPerInvocation(ROUNDS)
  public void phaser(PhaserParties state) {
    for (int round = 0; round < ROUNDS; round++) {
      state.phaser.arriveAndAwaitAdvance();
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public TaskletResult<Void> taskletBesideBusyCore(EmptyLanes state, BusyCore busy)
      throws TaskletException {
    return tasklet(state);
  }

  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public void phaserBesideBusyCore(PhaserParties state, BusyCore busy) {
    phaser(state);
  }

  @Benchmark
  @Warmup(iterations = 6)
  @Fork(3)
  @OperationsPerInvocation(ROUNDS)
  public void pingPong(Echo state) {
    long value = state.sent.value;
    for (int round = 0; round < ROUNDS; round++) {
      state.sent.value = ++value;
      while (state.echoed.value != value) {
        Thread.onSpinWait();
      }
    }
  }

  private static Thread[] startThreads(int count, String name, Runnable loop) {
    Thread[] threads = new Thread[count];
    for (int i = 0; i < count; i++) {
      threads[i] = Thread.ofPlatform().daemon().name(name + "-" + (i + 1)).start(loop);
    }
    return threads;
  }
}
