package io.tasklet.benchmarks;

import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import io.tasklet.samples.Samples;
import io.tasklet.samples.histogram.ByteHistogramCountTasklet;
import io.tasklet.samples.histogram.Histogram;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * The histogram sample end to end: counting the byte values of {@value #INPUT_BYTES} bytes of
 * text with the generated launcher ({@code ByteHistogramCountTasklet}) on 2 lanes, against the
 * same count in plain Java. One operation is one whole count, from the {@code byte[]} to the 256
 * counts.
 *
 * <p>The tasklet's time includes everything a user pays: the launch, its block of linear memory,
 * the fuel checkpoints, and reading the result back; the lanes read the array in place, as the
 * baselines do. The baselines count straight from the array: a parallel stream (on the common
 * pool, which has 1
 * thread on 2 cores besides the caller), two threads, and one thread. The two threads are a fixed
 * pool kept from one operation to the next rather than threads started for each: the runtime
 * keeps its lane threads too, so that is the fairer match. The setup checks that every way gives
 * the same counts.
 *
 * <p>Six warm-up iterations rather than the suite's three, as in {@link ReductionEndToEnd}: the
 * tasklet's loop is still getting faster over the first three or four. Three forks rather than
 * one, as there: the two run the same loop, and its speed moves from one JVM to the next by more
 * than they differ, so that one fork compares one JVM's draw with another's. Which of the two is
 * ahead also turns with the state of the machine: in five forks of each, means of 11.7-12.7 ms
 * for the tasklet against 12.5-13.5 ms; in three forks of each, ten minutes later on a slower
 * machine, 15.2-15.7 ms against 14.7-15.0 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Fork(3)
public class HistogramEndToEnd {
  /** Bytes counted per operation: 64 MiB. */
  static final int INPUT_BYTES = 64 << 20;

  /** Lanes of the tasklet, threads of the baselines. */
  static final int LANES = 2;

  /** The text, a runtime of 2 cores, and a pool of 2 threads. */
  @State(Scope.Benchmark)
  public static class Input {
    byte[] text;
    TaskletRuntime runtime;
    ExecutorService pool;

    @Setup
    public void start() throws Exception {
      if (INPUT_BYTES > ByteHistogramCountTasklet.DECLARATION.maxInputBytes()) {
        throw new IllegalStateException("the sample takes at most "
            + ByteHistogramCountTasklet.DECLARATION.maxInputBytes() + " bytes");
      }
      text = Arrays.copyOf(
          Samples.generatedText(INPUT_BYTES, 42).getBytes(StandardCharsets.UTF_8), INPUT_BYTES);
      runtime = TaskletRuntime.withCores(LANES);
      pool = Executors.newFixedThreadPool(LANES);

      long[] expected = countRange(text, 0, text.length);
      TaskletResult<Histogram> result = launch(this);
      if (result.shared().bytesSeen() != INPUT_BYTES) {
        throw new IllegalStateException("the tasklet saw " + result.shared().bytesSeen()
            + " bytes of " + INPUT_BYTES);
      }
      Answers.checkSame("tasklet", expected, result.shared().bins());
      Answers.checkSame("parallel stream", expected, countWithParallelStream(text));
      Answers.checkSame("two threads", expected, countWithThreads(text, pool));
    }

    @TearDown
    public void stop() {
      pool.close();
      runtime.close();
    }
  }

  @Benchmark
  public TaskletResult<Histogram> tasklet(Input state) throws TaskletException {
    return launch(state);
  }

  /**
   * The sample on 1 lane: the same lane loop as on 2, over the whole input, next to {@link
   * #oneThread}, the same count over an array. What separates these two is the JIT's code for
   * the lane's loop (over a buffer view of the input's memory segment) and for one over an
   * array, not the runtime's hand-offs.
   */
  @Benchmark
  public TaskletResult<Histogram> taskletOneLane(Input state) throws TaskletException {
    return launch(state, 1);
  }

  @Benchmark
  public long[] parallelStream(Input state) {
    return countWithParallelStream(state.text);
  }

  @Benchmark
  public long[] threads(Input state) throws InterruptedException, ExecutionException {
    return countWithThreads(state.text, state.pool);
  }

  @Benchmark
  public long[] oneThread(Input state) {
    return countRange(state.text, 0, state.text.length);
  }

  private static TaskletResult<Histogram> launch(Input state) throws TaskletException {
    return launch(state, LANES);
  }

  private static TaskletResult<Histogram> launch(Input state, int lanes)
      throws TaskletException {
    return ByteHistogramCountTasklet.on(state.runtime).workers(lanes).input(state.text).launch();
  }

  static long[] countWithParallelStream(byte[] text) {
    return IntStream.range(0, text.length).parallel().collect(
        () -> new long[256],
        (counts, i) -> counts[text[i] & 0xFF]++,
        HistogramEndToEnd::addTo);
  }

  static long[] countWithThreads(byte[] text, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    int half = text.length / 2;
    List<Callable<long[]>> halves = List.of(
        () -> countRange(text, 0, half),
        () -> countRange(text, half, text.length));
    long[] counts = new long[256];
    for (Future<long[]> part : pool.invokeAll(halves)) {
      addTo(counts, part.get());
    }
    return counts;
  }

  static long[] countRange(byte[] text, int from, int to) {
    long[] counts = new long[256];
    for (int i = from; i < to; i++) {
      counts[text[i] & 0xFF]++;
    }
    return counts;
  }

  private static void addTo(long[] counts, long[] more) {
    for (int bin = 0; bin < counts.length; bin++) {
      counts[bin] += more[bin];
    }
  }
}
