package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;

/**
 * What one lane sees during {@link CoordinatorContext#parallelForWorkers}: its index, the lane
 * count, the shared and output regions, the read-only input, its own scratch (and no other
 * lane's), and the fuel pool.
 *
 * <p>A context, and every segment it hands out, is valid only during its launch: afterwards each
 * method throws {@link IllegalStateException}, and the segments fail on access.
 *
 * @param <S> the {@code @SharedState} record laid out in {@link #shared()}
 * @param <W> the {@code @WorkerScratch} record laid out in {@link #scratch()}
 */
public interface WorkerContext<S, W> extends FuelMeter {
  /** This lane's index, 0 to {@code workers() - 1}. */
  int index();

  /** Number of lanes of this launch. */
  int workers();

  /** The shared state region. Lanes cooperate through the view's atomic operations. */
  MemorySegment shared();

  /** The input, read-only; empty when the tasklet takes no input. */
  MemorySegment input();

  /** The output region; empty when the tasklet has no output. */
  MemorySegment output();

  /** This lane's own scratch region; it keeps its contents from one phase to the next. */
  MemorySegment scratch();

  /**
   * The part of {@code total} items that this lane should take when they are split as evenly as
   * possible: lane {@code i} of {@code n} gets {@code [start, end)} with sizes differing by at
   * most one.
   */
  default Share share(long total) {
    return Share.of(total, index(), workers());
  }
}
