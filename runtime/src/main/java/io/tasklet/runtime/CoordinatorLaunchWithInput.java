package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The builder of a launch of a {@code @Coordinator} declaration with input: the settings of {@link
 * LaunchBuilder}, with {@code workers} and {@code input} and {@code copyInput}.
 *
 * @param <S> the shared state record
 */
public final class CoordinatorLaunchWithInput<S> extends LaunchBuilder<S, CoordinatorLaunchWithInput<S>> {
  CoordinatorLaunchWithInput(Declared<S> declared, int defaultWorkers, Runner<S> runner) {
    super(declared, defaultWorkers, runner);
  }

  /**
   * Runs on {@code workers} lanes, 1 to the declared ones. Without this call a launch runs on
   * the declared lanes, or on the runtime's cores if it has fewer; an explicit number above the
   * runtime's cores is rejected at launch.
   *
   * @param workers the number of lanes
   * @return this builder
   * @throws IllegalArgumentException if {@code workers} is out of range
   */
  public CoordinatorLaunchWithInput<S> workers(int workers) {
    return chooseWorkers(workers);
  }

  /**
   * The input, which lanes read in place (copied only if it belongs to a confined arena, or with
   * {@link #copyInput}); do not change it until the launch returns.
   *
   * @param input the input
   * @return this builder
   * @throws IllegalArgumentException if it is longer than the declared {@code maxInputBytes}
   */
  public CoordinatorLaunchWithInput<S> input(MemorySegment input) {
    return chooseInput(input);
  }

  /**
   * The input bytes, which lanes read in place; do not change them until the launch returns.
   *
   * @param input the input
   * @return this builder
   * @throws IllegalArgumentException if they are more than the declared {@code maxInputBytes}
   */
  public CoordinatorLaunchWithInput<S> input(byte[] input) {
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
  public CoordinatorLaunchWithInput<S> input(ByteBuffer input) {
    return chooseInput(input);
  }

  /**
   * Copies the input into linear memory at launch, for callers that change it while the launch
   * runs.
   *
   * @return this builder
   */
  public CoordinatorLaunchWithInput<S> copyInput() {
    return chooseCopyInput();
  }

  @Override
  CoordinatorLaunchWithInput<S> self() {
    return this;
  }
}
