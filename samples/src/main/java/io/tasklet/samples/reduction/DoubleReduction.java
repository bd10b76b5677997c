package io.tasklet.samples.reduction;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.Share;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Count, sum, min, max and mean of the doubles (in native byte order) of the input: every lane
 * summarises its share, then the coordinator combines the summaries.
 */
public final class DoubleReduction {
  /** Values a lane reads between two fuel checkpoints; one unit of fuel per value. */
  public static final int CHUNK = 16 * 1024;

  private DoubleReduction() {}

  /** One lane's sum and extremes so far. */
  private static final class Running {
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    /**
     * Adds the values of {@code input} from index {@code start} to {@code end}. A method of its
     * own, called once per chunk, so that the JIT compiles it as a whole method after a few
     * launches: a lane's body runs once per launch, and a loop in it would run from a loop-only
     * compile for a long time.
     */
    void add(MemorySegment input, long start, long end) {
      double sum = this.sum;
      double min = this.min;
      double max = this.max;
      for (long i = start; i < end; i++) {
        double x = input.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
        sum += x;
        // Math.min and Math.max only when x may change an extreme (or is NaN, or a zero):
        // the JIT vectorizes them over a double[], not over a memory segment, where each is a
        // chain of dependent instructions. One test for both is true only for a new extreme,
        // and ran faster, and more steadily from one JVM to the next, than a test for each.
        if (!(x > min && x < max)) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      this.sum = sum;
      this.min = min;
      this.max = max;
    }
  }

  @Coordinator(workers = 16, maxInputBytes = 1L << 30, maxFuel = 1L << 40)
  static void summarize(CoordinatorContext<Summary, PartialSummary> ctx) {
    MemorySegment input = ctx.input();
    long count = input.byteSize() / Double.BYTES;
    ctx.parallelForWorkers(lane -> {
      Share share = lane.share(count);
      Running running = new Running();
      for (long start = share.start(); start < share.end(); start += CHUNK) {
        long end = Math.min(start + CHUNK, share.end());
        lane.fuelCheckpoint(end - start);
        running.add(input, start, end);
      }
      PartialSummaryView.of(lane.scratch())
          .write(new PartialSummary(share.size(), running.sum, running.min, running.max));
    });
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int lane = 0; lane < ctx.workers(); lane++) {
      PartialSummary part = PartialSummaryView.of(ctx.scratch(lane)).read();
      sum += part.sum();
      min = Math.min(min, part.min());
      max = Math.max(max, part.max());
    }
    SummaryView.of(ctx.shared()).write(new Summary(count, sum, min, max));
  }
}
