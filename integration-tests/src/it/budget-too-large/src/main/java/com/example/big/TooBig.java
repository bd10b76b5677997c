package com.example.big;

import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.runtime.CoordinatorContext;

final class TooBig {
  @SharedState
  record Values(@Length(1024) long[] values) {}

  @WorkerScratch
  record Scratch(@Length(256) long[] values) {}

  @Coordinator(
      workers = 4,
      maxInputBytes = 1 << 20,
      maxLinearMemory = 1 << 20)
  static void fill(CoordinatorContext<Values, Scratch> ctx) {
    ctx.parallelForWorkers(lane -> {});
  }
}
