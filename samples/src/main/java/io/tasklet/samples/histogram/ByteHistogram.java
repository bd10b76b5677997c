package io.tasklet.samples.histogram;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
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
      long[] counts = new long[256];
      // The input as a buffer, the same memory and as read-only: JDK 25 compiles a byte loop over
      // a ByteBuffer as it does one over an array, and one over a MemorySegment about a sixth
      // slower. asByteBuffer refuses a segment of 2 GiB or more, so the int indexes cannot wrap.
      ByteBuffer bytes = input.asByteBuffer();
      Share share = lane.share(input.byteSize());
      for (long start = share.start(); start < share.end(); start += CHUNK) {
        long end = Math.min(start + CHUNK, share.end());
        lane.fuelCheckpoint(end - start);
        count(bytes, (int) start, (int) end, counts);
      }
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
   * Adds the bytes of {@code input} from {@code start} to {@code end} to {@code counts}. A method
   * of its own, called once per chunk, so that the JIT compiles it as a whole method after a few
   * launches (see the reduction sample's {@code Running.add}).
   */
  private static void count(ByteBuffer input, int start, int end, long[] counts) {
    for (int i = start; i < end; i++) {
      counts[input.get(i) & 0xFF]++;
    }
  }
}
