package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;

/**
 * What a {@code @Coordinator} method sees: the regions of linear memory, the fuel pool, and
 * {@link #parallelForWorkers} to drive the lanes.
 *
 * <p>A context, and every segment it hands out, is valid only during its launch: afterwards each
 * method throws {@link IllegalStateException}, and the segments fail on access.
 *
 * @param <S> the {@code @SharedState} record laid out in {@link #shared()}
 * @param <W> the {@code @WorkerScratch} record laid out in every lane's scratch
 */
public interface CoordinatorContext<S, W> extends FuelMeter {
  /** The shared state region, zeroed at launch. */
  MemorySegment shared();

  /** The input, read-only; empty when the tasklet takes no input. */
  MemorySegment input();

  /** The output region, zeroed at launch; empty when the tasklet has no output. */
  MemorySegment output();

  /** Number of lanes of this launch. */
  int workers();

  /**
   * The scratch region of lane {@code lane}, for the coordinator to reduce lanes' results between
   * phases. Only the coordinator can reach every lane's scratch.
   */
  MemorySegment scratch(int lane);

  /**
   * Runs {@code body} once on every lane and returns when all have finished. May be called any
   * number of times in one launch; each call is a phase, and everything a lane wrote in one phase
   * is visible to the coordinator and to every lane afterwards.
   *
   * @throws TaskletStoppedException if a lane failed or the launch is stopping; let it propagate
   */
  void parallelForWorkers(LaneBody<S, W> body);
}
