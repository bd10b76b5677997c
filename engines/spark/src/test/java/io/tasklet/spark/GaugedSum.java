package io.tasklet.spark;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.Share;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sums a partition's bytes, one unit of fuel per byte, and records how many lanes of the whole JVM
 * run at once: the tests run Spark in local mode, so every executor's lanes are in this JVM.
 */
final class GaugedSum {
  /** Lanes running a body now, over every launch in the JVM. */
  static final AtomicInteger RUNNING = new AtomicInteger();
  /** The most lanes that ever ran a body at once since the last reset. */
  static final AtomicInteger PEAK = new AtomicInteger();

  private static final int STRIDE = 4096;

  private GaugedSum() {}

  @Coordinator(workers = 8, maxInputBytes = 1 << 24, maxFuel = 1L << 40)
  static void sum(CoordinatorContext<Tally, LaneTally> ctx) {
    MemorySegment input = ctx.input();
    if (input.byteSize() == 0) {
      throw new IllegalStateException("an empty partition has nothing to sum");
    }
    ctx.parallelForWorkers(lane -> {
      PEAK.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
      try {
        Share share = lane.share(input.byteSize());
        long sum = 0;
        for (long start = share.start(); start < share.end(); start += STRIDE) {
          long end = Math.min(share.end(), start + STRIDE);
          lane.fuelCheckpoint(end - start);
          for (long i = start; i < end; i++) {
            sum += Byte.toUnsignedInt(input.get(ValueLayout.JAVA_BYTE, i));
          }
        }
        LaneTallyView.of(lane.scratch()).sum(sum);
      } finally {
        RUNNING.decrementAndGet();
      }
    });
    long total = 0;
    for (int lane = 0; lane < ctx.workers(); lane++) {
      total += LaneTallyView.of(ctx.scratch(lane)).sum();
    }
    TallyView.of(ctx.shared()).sum(total);
  }
}
