package com.example.sums;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.Share;
import java.lang.foreign.ValueLayout;

/** Sums the ints of the input (native byte order) on every lane, then adds the lanes up. */
public final class IntSums {
  private IntSums() {}

  @Coordinator(workers = 2, maxInputBytes = 4 << 20, maxFuel = 1 << 30)
  static void sum(CoordinatorContext<Totals, Partial> ctx) {
    long count = ctx.input().byteSize() / Integer.BYTES;
    ctx.parallelForWorkers(lane -> {
      Share share = lane.share(count);
      lane.fuelCheckpoint(share.size());
      long sum = 0;
      for (long i = share.start(); i < share.end(); i++) {
        // read in place from the caller's byte[], which is only byte-aligned
        sum += lane.input().getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i);
      }
      PartialView.of(lane.scratch()).sum(sum);
    });
    TotalsView totals = TotalsView.of(ctx.shared());
    for (int lane = 0; lane < ctx.workers(); lane++) {
      totals.sum(totals.sum() + PartialView.of(ctx.scratch(lane)).sum());
    }
    totals.count(count);
  }
}
