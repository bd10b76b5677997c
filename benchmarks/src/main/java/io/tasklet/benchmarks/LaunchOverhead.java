package io.tasklet.benchmarks;

import io.tasklet.runtime.CoordinatorBody;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a whole launch of an empty tasklet costs: memory, fuel pool, one empty phase on every lane,
 * and the result. The baseline submits the same work, one empty task per lane, to a fixed pool of
 * 2 threads and waits for every task.
 *
 * <p>{@link #tasklet} runs three forks rather than the suite's one, as does {@link
 * FlightRecorderOverhead#launch}, which it is the baseline of with a target of at most 1.05x: an
 * empty launch is tens of microseconds, most of them the arena's close, a handshake with every
 * thread of the JVM, and it moves from one JVM to the next by more than 5%.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LaunchOverhead {
  private static final CoordinatorBody<Void, Void> ONE_EMPTY_PHASE =
      ctx -> ctx.parallelForWorkers(Launches.EMPTY);

  private static final Runnable EMPTY_TASK = () -> {};

  /** A fixed pool of 2 threads and room for {@code tasks} futures. */
  @State(Scope.Benchmark)
  public static class Pool {
    @Param({"1", "2"})
    int tasks;

    ExecutorService executor;
    Future<?>[] futures;

    @Setup
    public void start() {
      executor = Executors.newFixedThreadPool(2);
      futures = new Future<?>[tasks];
    }

    @TearDown
    public void stop() {
      executor.close();
    }
  }

  @Benchmark
  @Fork(3)
  public TaskletResult<Void> tasklet(EmptyLanes state) throws TaskletException {
    return state.runtime.launch(state.spec, ONE_EMPTY_PHASE);
  }

  @Benchmark
  public void executor(Pool state) throws InterruptedException, ExecutionException {
    Future<?>[] futures = state.futures;
    for (int task = 0; task < futures.length; task++) {
      futures[task] = state.executor.submit(EMPTY_TASK);
    }
    for (Future<?> future : futures) {
      future.get();
    }
  }
}
