package io.tasklet.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a generated view costs over the same access written by hand, on one thread: read-modify-
 * write loops over records laid out by the processor ({@link Bins}, {@link Slots}), done three
 * ways: the view ({@code BinsView.bins(b, bins(b) + 1)}), hand-written {@code MemorySegment} code
 * over the same kind of memory (a {@code static final} var handle of {@code JAVA_LONG} at byte
 * offset {@code 8 * index}), and a plain {@code long[]}.
 *
 * <ul>
 *   <li>{@code sequential*}: a histogram of {@value #INPUT_BYTES} random bytes, one increment of
 *       one of 256 counters per byte; scores are per byte.
 *   <li>{@code random*}: {@value #UPDATES} increments of the 2<sup>20</sup> counters (8 MiB) of
 *       {@link Slots} at precomputed pseudo-random places; scores are per increment.
 * </ul>
 *
 * <p>The view reaches an element through a var handle of the record's whole layout with the
 * element's index as a coordinate, so the bounds of the segment are checked against the whole
 * record, once per loop; the hand-written code, like most written by hand, computes an offset and
 * has it checked at every access.
 *
 * <p>Memory comes from a shared arena, as the runtime's linear memory does, aligned to the
 * record's alignment. The input (or the indices) is a plain array on every side, so only the
 * counters differ. Each loop sits in its benchmark method: moved into a static method taking the
 * array and the segment, the hand-written loop ran 40% slower on JDK 25 and the view's did not,
 * which says more about the JIT's luck than about either. Each state runs its three benchmarks
 * once in its setup and checks their counts against a plain count, so no side is measured
 * computing a wrong answer.
 *
 * <p>{@link #randomView} and {@link #randomSegment} run three forks rather than the suite's one:
 * random increments are bound by cache misses, and each moves from one JVM to the next by more
 * than the 5% that their target allows between them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ViewAccess {
  /** A {@code long} of a segment at a byte offset: {@code (MemorySegment, long) -> long}. */
  private static final VarHandle LONG = JAVA_LONG.varHandle();

  /** Bytes the histogram counts per operation: 64 MiB. */
  static final int INPUT_BYTES = 64 << 20;

  /** Increments of the table per operation. */
  static final int UPDATES = 1 << 22;

  /** 64 MiB of random bytes and three sets of 256 counters, one for each way of counting. */
  @State(Scope.Benchmark)
  public static class Histogram {
    byte[] input;
    Arena arena;
    MemorySegment viewBins;
    MemorySegment segmentBins;
    long[] arrayBins;

    @Setup
    public void start() {
      input = new byte[INPUT_BYTES];
      new SplittableRandom(42).nextBytes(input);
      arena = Arena.ofShared();
      viewBins = arena.allocate(BinsView.SIZE, BinsView.ALIGNMENT);
      segmentBins = arena.allocate(BinsView.SIZE, BinsView.ALIGNMENT);
      arrayBins = new long[BinsView.LENGTH_BINS];

      long[] expected = new long[BinsView.LENGTH_BINS];
      for (byte b : input) {
        expected[b & 0xFF]++;
      }
      ViewAccess benchmarks = new ViewAccess();
      benchmarks.sequentialView(this);
      benchmarks.sequentialSegment(this);
      benchmarks.sequentialArray(this);
      Answers.checkSame("histogram through the view", expected, viewBins.toArray(JAVA_LONG));
      Answers.checkSame("histogram by hand-written segment code", expected,
          segmentBins.toArray(JAVA_LONG));
      Answers.checkSame("histogram in a long[]", expected, arrayBins);
    }

    @TearDown
    public void stop() {
      arena.close();
    }
  }

  /** {@value #UPDATES} random indices and three tables of 2<sup>20</sup> counters. */
  @State(Scope.Benchmark)
  public static class Table {
    int[] indices;
    Arena arena;
    MemorySegment viewSlots;
    MemorySegment segmentSlots;
    long[] arraySlots;

    @Setup
    public void start() {
      indices = new SplittableRandom(42).ints(UPDATES, 0, SlotsView.LENGTH_SLOTS).toArray();
      arena = Arena.ofShared();
      viewSlots = arena.allocate(SlotsView.SIZE, SlotsView.ALIGNMENT);
      segmentSlots = arena.allocate(SlotsView.SIZE, SlotsView.ALIGNMENT);
      arraySlots = new long[SlotsView.LENGTH_SLOTS];

      long[] expected = new long[SlotsView.LENGTH_SLOTS];
      for (int index : indices) {
        expected[index]++;
      }
      ViewAccess benchmarks = new ViewAccess();
      benchmarks.randomView(this);
      benchmarks.randomSegment(this);
      benchmarks.randomArray(this);
      Answers.checkSame("table through the view", expected, viewSlots.toArray(JAVA_LONG));
      Answers.checkSame("table by hand-written segment code", expected,
          segmentSlots.toArray(JAVA_LONG));
      Answers.checkSame("table in a long[]", expected, arraySlots);
    }

    @TearDown
    public void stop() {
      arena.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(INPUT_BYTES)
  public void sequentialView(Histogram state) {
    BinsView bins = BinsView.of(state.viewBins);
    for (byte b : state.input) {
      int bin = b & 0xFF;
      bins.bins(bin, bins.bins(bin) + 1);
    }
  }

  @Benchmark
  @OperationsPerInvocation(INPUT_BYTES)
  public void sequentialSegment(Histogram state) {
    MemorySegment bins = state.segmentBins;
    for (byte b : state.input) {
      long offset = (b & 0xFF) * Long.BYTES;
      LONG.set(bins, offset, (long) LONG.get(bins, offset) + 1);
    }
  }

  @Benchmark
  @OperationsPerInvocation(INPUT_BYTES)
  public void sequentialArray(Histogram state) {
    long[] bins = state.arrayBins;
    for (byte b : state.input) {
      bins[b & 0xFF]++;
    }
  }

  @Benchmark
  @Fork(3)
  @OperationsPerInvocation(UPDATES)
  public void randomView(Table state) {
    SlotsView slots = SlotsView.of(state.viewSlots);
    for (int index : state.indices) {
      slots.slots(index, slots.slots(index) + 1);
    }
  }

  @Benchmark
  @Fork(3)
  @OperationsPerInvocation(UPDATES)
  public void randomSegment(Table state) {
    MemorySegment slots = state.segmentSlots;
    for (int index : state.indices) {
      long offset = (long) index * Long.BYTES;
      LONG.set(slots, offset, (long) LONG.get(slots, offset) + 1);
    }
  }

  @Benchmark
  @OperationsPerInvocation(UPDATES)
  public void randomArray(Table state) {
    long[] slots = state.arraySlots;
    for (int index : state.indices) {
      slots[index]++;
    }
  }
}
