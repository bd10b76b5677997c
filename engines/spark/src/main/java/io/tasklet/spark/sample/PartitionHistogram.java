package io.tasklet.spark.sample;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.Share;
import io.tasklet.spark.PartitionKernel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The byte histogram of one partition: each lane counts its share into a local table, then adds
 * the table into the shared bins with atomic adds; one unit of fuel per byte.
 */
public final class PartitionHistogram {
  /** Bytes a lane counts between two fuel checkpoints. */
  static final int STRIDE = 256 * 1024;

  private PartitionHistogram() {}

  @Coordinator(workers = 64, maxInputBytes = 1L << 30, maxFuel = 1L << 40)
  static void count(CoordinatorContext<ByteCounts, LaneBytes> ctx) {
    MemorySegment input = ctx.input();
    ctx.parallelForWorkers(lane -> {
      Share share = lane.share(input.byteSize());
      long[] table = new long[256];
      long next = share.start();
      while (next < share.end()) {
        long stop = Math.min(share.end(), next + STRIDE);
        lane.fuelCheckpoint(stop - next);
        for (; next < stop; next++) {
          table[Byte.toUnsignedInt(input.get(ValueLayout.JAVA_BYTE, next))]++;
        }
      }
      ByteCountsView bins = ByteCountsView.of(lane.shared());
      for (int value = 0; value < table.length; value++) {
        if (table[value] != 0) {
          ByteCountsView.COMPONENT_BINS.getAndAdd(bins.segment(), value, table[value]);
        }
      }
      LaneBytesView.of(lane.scratch()).counted(share.size());
    });
    ByteCountsView.of(ctx.shared()).bytes(input.byteSize());
  }

  /** Launches {@link #count} on a partition with the lanes and budget it was given. */
  public static PartitionKernel<ByteCounts> kernel() {
    return partition -> PartitionHistogramCountTasklet.on(partition.runtime())
        .workers(partition.lanesUpTo(PartitionHistogramCountTasklet.DECLARATION.workers()))
        .input(partition.input())
        .maxFuel(partition.maxFuel())
        .deadline(partition.deadline())
        .launch();
  }
}
