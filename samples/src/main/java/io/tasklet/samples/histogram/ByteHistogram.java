package io.tasklet.samples.histogram;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.FuelMeter;
import io.tasklet.runtime.Share;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/** Counts the byte values of a file: every lane counts its share, then the coordinator adds up. */
public final class ByteHistogram {
  /** Bytes a lane counts between two fuel checkpoints; one unit of fuel per byte. */
  public static final int CHUNK = 64 * 1024;

  private ByteHistogram() {}

  @Coordinator(workers = 16, maxInputBytes = 1L << 30, maxFuel = 1L << 40)
  static void count(CoordinatorContext<Histogram, LocalBins> ctx) {
    MemorySegment input = ctx.input();
    ctx.parallelForWorkers(lane -> {
      // The input as a buffer, the same memory and as read-only: JDK 25 compiles a byte loop over
      // a ByteBuffer as it does one over an array, and one over a MemorySegment about a sixth
      // slower. asByteBuffer refuses a segment of 2 GiB or more, so the int indexes cannot wrap.
      long[] counts = count(lane, input.asByteBuffer(), lane.share(input.byteSize()));
      LocalBinsView.of(lane.scratch()).write(new LocalBins(counts));
    });
    HistogramView total = HistogramView.of(ctx.shared());
    for (int lane = 0; lane < ctx.workers(); lane++) {
      LocalBinsView bins = LocalBinsView.of(ctx.scratch(lane));
      for (int bin = 0; bin < 256; bin++) {
        total.bins(bin, total.bins(bin) + bins.bins(bin));
      }
    }
    total.bytesSeen(input.byteSize());
  }

  /**
   * Counts the bytes of {@code input} in {@code share}, a chunk at a time, drawing one unit of
   * fuel per byte before each chunk. A method of its own, which the JIT compiles on its own: from
   * its loop at first, as a whole method after some hundred launches (see the reduction sample's
   * {@code Running.add}). It counts into an array of its own: with the array passed in, and this
   * method called per chunk as {@code Running.add} is, the sample on 2 lanes took 3-4% longer.
   */
  private static long[] count(FuelMeter fuel, ByteBuffer input, Share share) {
    long[] counts = new long[256];
    for (long start = share.start(); start < share.end(); start += CHUNK) {
      int end = (int) Math.min(start + CHUNK, share.end());
      fuel.fuelCheckpoint(end - start);
      for (int i = (int) start; i < end; i++) {
        counts[input.get(i) & 0xFF]++;
      }
    }
    return counts;
  }
}
