package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;

/**
 * What a single-threaded {@code @Tasklet} method sees: the shared state, the input, the output
 * and the fuel pool, and no lanes.
 *
 * <p>A context, and every segment it hands out, is valid only during its launch: afterwards each
 * method throws {@link IllegalStateException}, and the segments fail on access.
 *
 * @param <S> the {@code @SharedState} record laid out in {@link #shared()}
 */
public interface TaskletContext<S> extends FuelMeter {
  /** The shared state region, zeroed at launch. */
  MemorySegment shared();

  /** The input, read-only; empty when the tasklet takes no input. */
  MemorySegment input();

  /** The output region, zeroed at launch; empty when the tasklet has no output. */
  MemorySegment output();
}
