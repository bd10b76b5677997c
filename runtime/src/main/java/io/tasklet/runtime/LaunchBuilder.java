package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The settings of one launch of a declared tasklet, every one optional, and the launch itself:
 * what the builders of generated launchers share. Every argument is checked here, as it is given,
 * with the message a caller sees, so that a wrong setting fails before anything starts.
 *
 * <p>The concrete builders ({@link CoordinatorLaunch}, {@link CoordinatorLaunchWithInput}, {@link
 * TaskletLaunch}, {@link TaskletLaunchWithInput}) make public only the settings their declaration
 * allows: {@code workers} for a coordinator, {@code input} and {@code copyInput} for a declaration
 * with {@code maxInputBytes > 0}.
 *
 * @param <S> the shared state record
 * @param <B> the concrete builder, which every setting returns
 */
public abstract class LaunchBuilder<S, B extends LaunchBuilder<S, B>> {
  private final Declared<S> declared;
  private final Runner<S> runner;
  private int workers;
  private MemorySegment input = MemorySegment.ofArray(new byte[0]);
  private boolean copyInput;
  private Optional<MemorySegment> outputTo = Optional.empty();
  private OptionalLong maxFuel;
  private Optional<Duration> deadline = Optional.empty();

  /** A builder whose launch runs on {@code workers} lanes unless told otherwise (0: none). */
  LaunchBuilder(Declared<S> declared, int workers, Runner<S> runner) {
    this.declared = declared;
    this.workers = workers;
    this.runner = runner;
    this.maxFuel =
        declared.maxFuel() < 0 ? OptionalLong.empty() : OptionalLong.of(declared.maxFuel());
  }

  /** How a launch runs once its spec is built: on a runtime's lanes, or on the calling thread. */
  @FunctionalInterface
  interface Runner<S> {
    TaskletResult<S> run(LaunchSpec<S> spec) throws TaskletException;
  }

  /** This builder, as its concrete type. */
  abstract B self();

  B chooseWorkers(int workers) {
    if (workers < 1 || workers > declared.workers()) {
      throw new IllegalArgumentException("workers must be between 1 and the declared "
          + declared.workers() + ", was " + workers);
    }
    this.workers = workers;
    return self();
  }

  B chooseInput(MemorySegment input) {
    Objects.requireNonNull(input, "input");
    if (input.byteSize() > declared.maxInputBytes()) {
      throw new IllegalArgumentException("input of " + input.byteSize()
          + " bytes is larger than maxInputBytes " + declared.maxInputBytes() + " of "
          + declared.name());
    }
    this.input = input;
    return self();
  }

  B chooseInput(byte[] input) {
    return chooseInput(MemorySegment.ofArray(Objects.requireNonNull(input, "input")));
  }

  B chooseInput(ByteBuffer input) {
    return chooseInput(MemorySegment.ofBuffer(Objects.requireNonNull(input, "input")));
  }

  B chooseCopyInput() {
    this.copyInput = true;
    return self();
  }

  /**
   * Lanes write the output straight into {@code destination}, which is not zeroed first, instead
   * of into linear memory; {@code output()} of the result then copies it. It takes at least the
   * declared {@code maxOutputBytes} bytes, which lanes on any thread may write.
   *
   * @param destination where lanes write the output
   * @return this builder
   * @throws NullPointerException if {@code destination} is null
   * @throws IllegalArgumentException if the declaration has no output, or {@code destination} is
   *     too small, read-only, of a closed arena or of a confined one
   */
  public B outputTo(MemorySegment destination) {
    if (declared.maxOutputBytes() == 0) {
      throw new IllegalArgumentException(declared.name()
          + " declares no output (maxOutputBytes is 0), so it has nowhere to write one");
    }
    this.outputTo = Optional.of(
        LaunchSpec.checkOutputDestination(destination, declared.maxOutputBytes()));
    return self();
  }

  /**
   * A fuel pool of {@code units}, shared by every lane and the coordinator, instead of the
   * declared one.
   *
   * @param units the size of the pool
   * @return this builder
   * @throws IllegalArgumentException if {@code units} is negative
   */
  public B maxFuel(long units) {
    this.maxFuel = OptionalLong.of(LaunchSpec.Builder.nonNegative("maxFuel", units));
    return self();
  }

  /**
   * Stops the launch, failing it, if it runs longer than {@code limit}, counted from the call to
   * {@link #launch}.
   *
   * @param limit the longest the launch may run
   * @return this builder
   * @throws NullPointerException if {@code limit} is null
   * @throws IllegalArgumentException if {@code limit} is zero or negative
   */
  public B deadline(Duration limit) {
    this.deadline = Optional.of(LaunchSpec.checkDeadline(limit));
    return self();
  }

  /**
   * The memory plan this launch would run with: where every region lives. The input region is
   * empty when lanes read the input in place, the output region when they write to a caller's
   * destination.
   *
   * @return the plan
   */
  public LinearMemoryPlan plan() {
    return spec().plan();
  }

  /**
   * Runs the launch and waits for it.
   *
   * @return the final shared state, the output, fuel and timings
   * @throws TaskletException for the first failure; nothing is left running, unless code ignored
   *     the stop past its deadline (see {@link DeadlineExceededException})
   */
  public TaskletResult<S> launch() throws TaskletException {
    return runner.run(spec());
  }

  private LaunchSpec<S> spec() {
    return LaunchSpec.builder(declared.name(), declared.sharedBytes(), declared.sharedReader())
        .lanes(workers, declared.scratchBytes())
        .input(input, declared.maxInputBytes())
        .copyInput(copyInput)
        .outputBytes(declared.maxOutputBytes())
        .outputTo(outputTo)
        .maxLinearMemory(declared.maxLinearMemory())
        .maxFuel(maxFuel)
        .deadline(deadline)
        .build();
  }
}
