package com.example.modular;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.TaskletException;

/** Counts the input's bytes on two lanes and prints what the shared state says. */
public final class Counting {
  private Counting() {}

  @Coordinator(workers = 2, maxInputBytes = 1024)
  static void count(CoordinatorContext<Tally, Lane> ctx) {
    TallyView tally = TallyView.of(ctx.shared());
    ctx.parallelForWorkers(lane -> {
      long size = lane.share(ctx.input().byteSize()).size();
      LaneView.of(lane.scratch()).count(size);
      TallyView.COMPONENT_TOTAL.getAndAdd(tally.segment(), size);
      TallyView.COMPONENT_PER_PHASE.getAndAdd(tally.segment(), 0, (short) 1);
      TallyView.COMPONENT_DONE.getAndAdd(tally.segment(), (byte) 1);
    });
  }

  /**
   * Runs the launcher.
   *
   * @param args unused
   * @throws TaskletException if the launch fails
   */
  public static void main(String[] args) throws TaskletException {
    Tally tally = CountingCountTasklet.builder().workers(2).input(new byte[100]).launch().shared();
    System.out.println("modular launch: total=" + tally.total() + " lanes=" + tally.done());
  }
}
