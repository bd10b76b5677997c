package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The builder of a run of a {@code @Tasklet} declaration on the calling thread with input: the
 * settings of {@link LaunchBuilder}, with {@code input} and {@code copyInput}.
 *
 * @param <S> the shared state record
 */
public final class TaskletLaunchWithInput<S> extends LaunchBuilder<S, TaskletLaunchWithInput<S>> {
  TaskletLaunchWithInput(Declared<S> declared, Runner<S> runner) {
    super(declared, 0, runner);
  }

  /**
   * The input, which lanes read in place (copied only if it belongs to a confined arena, or with
   * {@link #copyInput}); do not change it until the launch returns.
   *
   * @param input the input
   * @return this builder
   * @throws IllegalArgumentException if it is longer than the declared {@code maxInputBytes}
   */
  public TaskletLaunchWithInput<S> input(MemorySegment input) {
    return chooseInput(input);
  }

  /**
   * The input bytes, which lanes read in place; do not change them until the launch returns.
   *
   * @param input the input
   * @return this builder
   * @throws IllegalArgumentException if they are more than the declared {@code maxInputBytes}
   */
  public TaskletLaunchWithInput<S> input(byte[] input) {
    return chooseInput(input);
  }

  /**
   * The buffer's remaining bytes, which lanes read in place; the buffer's position is not
   * changed. Do not change them until the launch returns.
   *
   * @param input the input
   * @return this builder
   * @throws IllegalArgumentException if they are more than the declared {@code maxInputBytes}
   */
  public TaskletLaunchWithInput<S> input(ByteBuffer input) {
    return chooseInput(input);
  }

  /**
   * Copies the input into linear memory at launch, for callers that change it while the launch
   * runs.
   *
   * @return this builder
   */
  public TaskletLaunchWithInput<S> copyInput() {
    return chooseCopyInput();
  }

  @Override
  TaskletLaunchWithInput<S> self() {
    return this;
  }
}
