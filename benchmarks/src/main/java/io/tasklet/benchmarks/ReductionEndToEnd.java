package io.tasklet.benchmarks;

import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import io.tasklet.samples.Samples;
import io.tasklet.samples.reduction.DoubleReductionSummarizeTasklet;
import io.tasklet.samples.reduction.Summary;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reduction sample end to end: count, sum, minimum and maximum of {@value #VALUES} doubles
 * with the generated launcher ({@code DoubleReductionSummarizeTasklet}) on 2 lanes, against the
 * same summary in plain Java. One operation is one whole summary.
 *
 * <p>The tasklet reads the values as the sample's users hand them over, a direct buffer of
 * doubles in native order, in place, and its time includes the launch, the fuel checkpoints and
 * reading the result back, as in {@link HistogramEndToEnd}. The baselines summarise a {@code
 * double[]} of the same values: a parallel stream collecting into a mutable summary (on the
 * common pool, which has 1 thread on 2 cores besides the caller), two threads, and one thread.
 * Their loop is the one a user would write, {@code Math.min} and {@code Math.max} on every value,
 * which the JIT vectorizes over an array. The sample's loop differs: over a memory segment the
 * JIT does not vectorize them, and the sample calls them only for a value that may be a new
 * extreme (see {@code DoubleReduction}).
 * The two threads are a fixed pool kept from one operation to the next, as the runtime keeps its
 * lane threads. The setup checks that every way gives the same count, minimum and maximum, and
 * the same sum up to the rounding that a different order of additions brings.
 *
 * <p>Six warm-up iterations rather than the suite's three: the lanes' and the threads' loops
 * reach their steady speed only after four or five, and with three the measurement caught the
 * tasklet still getting faster (6.9 to 5.1 ms over its five iterations).
 *
 * <p>Three forks rather than the suite's one: from one JVM to the next the JIT's code for a lane's
 * loop lands on different speeds, and one fork in about ten ran at twice the time in every
 * iteration. A single fork reported one JVM's draw; three report their spread in the error.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Fork(3)
public class ReductionEndToEnd {
  /** Values summarised per operation: 8M, 64 MiB. */
  static final int VALUES = 8 << 20;

  /** Lanes of the tasklet, threads of the baselines. */
  static final int LANES = 2;

  /** The values as a buffer and as an array, a runtime of 2 cores, and a pool of 2 threads. */
  @State(Scope.Benchmark)
  public static class Input {
    ByteBuffer buffer;
    double[] values;
    TaskletRuntime runtime;
    ExecutorService pool;

    @Setup
    public void start() throws Exception {
      if ((long) VALUES * Double.BYTES > DoubleReductionSummarizeTasklet.DECLARATION.maxInputBytes()) {
        throw new IllegalStateException("the sample takes at most "
            + DoubleReductionSummarizeTasklet.DECLARATION.maxInputBytes() + " bytes");
      }
      buffer = Samples.randomDoubles(VALUES, 42);
      values = new double[VALUES];
      buffer.duplicate().order(buffer.order()).asDoubleBuffer().get(values);
      runtime = TaskletRuntime.withCores(LANES);
      pool = Executors.newFixedThreadPool(LANES);

      Summary expected = summarizeRange(values, 0, values.length);
      check("tasklet", expected, launch(this).shared());
      check("parallel stream", expected, summarizeWithParallelStream(values));
      check("two threads", expected, summarizeWithThreads(values, pool));
    }

    @TearDown
    public void stop() {
      pool.close();
      runtime.close();
    }
  }

  @Benchmark
  public TaskletResult<Summary> tasklet(Input state) throws TaskletException {
    return launch(state);
  }

  /**
   * The sample on 1 lane: the same lane loop as on 2, over the whole input, next to {@link
   * #oneThread}, the same summary over an array. What separates these two is the two loops and
   * the JIT's code for each, one over a memory segment and one over an array, not the runtime's
   * hand-offs.
   */
  @Benchmark
  public TaskletResult<Summary> taskletOneLane(Input state) throws TaskletException {
    return launch(state, 1);
  }

  @Benchmark
  public Summary parallelStream(Input state) {
    return summarizeWithParallelStream(state.values);
  }

  @Benchmark
  public Summary threads(Input state) throws InterruptedException, ExecutionException {
    return summarizeWithThreads(state.values, state.pool);
  }

  @Benchmark
  public Summary oneThread(Input state) {
    return summarizeRange(state.values, 0, state.values.length);
  }

  private static TaskletResult<Summary> launch(Input state) throws TaskletException {
    return launch(state, LANES);
  }

  private static TaskletResult<Summary> launch(Input state, int lanes)
      throws TaskletException {
    return DoubleReductionSummarizeTasklet.on(state.runtime).workers(lanes).input(state.buffer)
        .launch();
  }

  static Summary summarizeWithParallelStream(double[] values) {
    return Arrays.stream(values).parallel()
        .collect(Partial::new, Partial::add, Partial::addAll)
        .summary();
  }

  static Summary summarizeWithThreads(double[] values, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    int half = values.length / 2;
    List<Callable<Summary>> halves = List.of(
        () -> summarizeRange(values, 0, half),
        () -> summarizeRange(values, half, values.length));
    List<Future<Summary>> parts = pool.invokeAll(halves);
    return combine(parts.get(0).get(), parts.get(1).get());
  }

  static Summary summarizeRange(double[] values, int from, int to) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double x = values[i];
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return new Summary(to - from, sum, min, max);
  }

  private static Summary combine(Summary a, Summary b) {
    return new Summary(a.count() + b.count(), a.sum() + b.sum(), Math.min(a.min(), b.min()),
        Math.max(a.max(), b.max()));
  }

  /** Fails the setup if {@code actual} is not {@code expected}, up to rounding in the sum. */
  private static void check(String what, Summary expected, Summary actual) {
    double tolerance = 1e-6 * expected.count();
    if (actual.count() != expected.count()
        || Double.compare(actual.min(), expected.min()) != 0
        || Double.compare(actual.max(), expected.max()) != 0
        || !(Math.abs(actual.sum() - expected.sum()) <= tolerance)) {
      throw new IllegalStateException(what + " summarised wrong: " + actual + ", expected "
          + expected);
    }
  }

  /** A summary under way, as a parallel stream's collector builds one per split. */
  private static final class Partial {
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double x) {
      count++;
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }

    void addAll(Partial other) {
      count += other.count;
      sum += other.sum;
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
    }

    Summary summary() {
      return new Summary(count, sum, min, max);
    }
  }
}
