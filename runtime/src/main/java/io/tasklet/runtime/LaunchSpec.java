package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Everything the runtime needs to know about one launch, apart from the code it runs. Generated
 * launchers build one from the declaration and the builder's settings; hand-written launches can
 * build one too.
 *
 * @param <S> the shared state record
 */
public final class LaunchSpec<S> {
  private final String tasklet;
  private final long sharedBytes;
  private final Function<MemorySegment, S> sharedReader;
  private final long scratchBytes;
  private final int workers;
  private final MemorySegment input;
  private final long maxInputBytes;
  private final boolean copyInput;
  private final long outputBytes;
  private final Optional<MemorySegment> outputTo;
  private final long maxLinearMemory;
  private final OptionalLong maxFuel;
  private final Optional<Duration> deadline;

  private LaunchSpec(Builder<S> b) {
    this.tasklet = b.tasklet;
    this.sharedBytes = b.sharedBytes;
    this.sharedReader = b.sharedReader;
    this.scratchBytes = b.scratchBytes;
    this.workers = b.workers;
    this.input = b.input;
    this.maxInputBytes = b.maxInputBytes;
    this.copyInput = b.copyInput;
    this.outputBytes = b.outputBytes;
    this.outputTo = b.outputTo;
    this.maxLinearMemory = b.maxLinearMemory;
    this.maxFuel = b.maxFuel;
    this.deadline = b.deadline;
  }

  /**
   * Starts a spec for the tasklet named {@code tasklet} (used in errors), whose shared state takes
   * {@code sharedBytes} and is read back into a record by {@code sharedReader} once the launch ends.
   */
  public static <S> Builder<S> builder(
      String tasklet, long sharedBytes, Function<MemorySegment, S> sharedReader) {
    return new Builder<>(tasklet, sharedBytes, sharedReader);
  }

  /** The tasklet's name, as errors show it. */
  public String tasklet() {
    return tasklet;
  }

  /** Size of the shared state region. */
  public long sharedBytes() {
    return sharedBytes;
  }

  /** Reads the shared state region back into a record. */
  public Function<MemorySegment, S> sharedReader() {
    return sharedReader;
  }

  /** Size of one lane's scratch region. */
  public long scratchBytes() {
    return scratchBytes;
  }

  /** Number of lanes; 0 for a single-threaded tasklet. */
  public int workers() {
    return workers;
  }

  /**
   * The input: lanes read it where it is, through a read-only view, unless {@link #copiesInput}.
   */
  public MemorySegment input() {
    return input;
  }

  /**
   * Whether the launch copies the input into its input region: when asked to ({@link
   * Builder#copyInput}), or when lanes on other threads could not read it where it is (a segment of
   * a confined arena). Otherwise lanes read the caller's memory in place, which must not change
   * during the launch.
   */
  public boolean copiesInput() {
    return copyInput || !anyThreadMayAccess(input);
  }

  /**
   * Where lanes write the output: a caller's segment, written in place and not zeroed first; or
   * empty, for an output region in linear memory, zeroed at launch and copied out by {@link
   * TaskletResult#output()}.
   */
  public Optional<MemorySegment> outputTo() {
    return outputTo;
  }

  /** Largest input accepted. */
  public long maxInputBytes() {
    return maxInputBytes;
  }

  /** Size of the output region. */
  public long outputBytes() {
    return outputBytes;
  }

  /** Budget of the whole block. */
  public long maxLinearMemory() {
    return maxLinearMemory;
  }

  /** The fuel pool; empty for none, in which case every checkpoint fails. */
  public OptionalLong maxFuel() {
    return maxFuel;
  }

  /** How long the launch may run before it is stopped. */
  public Optional<Duration> deadline() {
    return deadline;
  }

  /**
   * Checks a deadline given to a builder, the one check every builder applies.
   *
   * @return {@code limit}
   * @throws NullPointerException naming the argument if {@code limit} is null
   * @throws IllegalArgumentException if {@code limit} is zero or negative
   */
  public static Duration checkDeadline(Duration limit) {
    return Deadline.checked(limit);
  }

  /**
   * Checks an output destination given to a builder, the one check every builder applies: lanes
   * on any thread must be able to write at least {@code outputBytes} bytes of it.
   *
   * @return {@code destination}
   * @throws NullPointerException if {@code destination} is null
   * @throws IllegalArgumentException if it is smaller than {@code outputBytes}, read-only, of a
   *     closed arena, or of a confined arena (which only its owner thread may access)
   */
  public static MemorySegment checkOutputDestination(MemorySegment destination, long outputBytes) {
    Objects.requireNonNull(destination, "output destination must not be null");
    String problem = destination.byteSize() < outputBytes
        ? "is " + destination.byteSize() + " bytes, smaller than the declared output of "
            + outputBytes + " bytes"
        : destination.isReadOnly() ? "is read-only"
        : !destination.scope().isAlive() ? "belongs to an arena that is closed"
        : !anyThreadMayAccess(destination)
            ? "belongs to a confined arena, which lane threads may not access; allocate it in a"
                + " shared, global or automatic arena, or use an array or a direct buffer"
        : null;
    if (problem != null) {
      throw new IllegalArgumentException("the output destination " + problem);
    }
    return destination;
  }

  /**
   * The memory plan this launch runs with: the input region holds the input only if the launch
   * {@link #copiesInput copies it}, and the output region is empty when lanes write to a
   * caller's destination ({@link #outputTo}).
   */
  public LinearMemoryPlan plan() {
    return LinearMemoryPlan.of(sharedBytes, copiesInput() ? input.byteSize() : 0,
        outputTo.isPresent() ? 0 : outputBytes, workers, scratchBytes);
  }

  /**
   * Whether threads other than an arena's owner may access {@code segment}: false only for a
   * segment of a confined arena. The one test of whether lanes can reach a caller's segment.
   */
  static boolean anyThreadMayAccess(MemorySegment segment) {
    return segment.isAccessibleBy(NO_ARENA_OWNER);
  }

  /** A thread that owns no arena: segments it may access, any thread may. Never started. */
  private static final Thread NO_ARENA_OWNER = new Thread(() -> {}, "tasklet-no-arena-owner");

  /** Builds a {@link LaunchSpec}; every setting but the three given up front is optional. */
  public static final class Builder<S> {
    private final String tasklet;
    private final long sharedBytes;
    private final Function<MemorySegment, S> sharedReader;
    private long scratchBytes;
    private int workers;
    private MemorySegment input = MemorySegment.ofArray(new byte[0]);
    private long maxInputBytes;
    private boolean copyInput;
    private long outputBytes;
    private Optional<MemorySegment> outputTo = Optional.empty();
    private long maxLinearMemory = LinearMemoryPlan.DEFAULT_MAX_LINEAR_MEMORY;
    private OptionalLong maxFuel = OptionalLong.empty();
    private Optional<Duration> deadline = Optional.empty();

    private Builder(String tasklet, long sharedBytes, Function<MemorySegment, S> sharedReader) {
      this.tasklet = Objects.requireNonNull(tasklet, "tasklet");
      this.sharedBytes = nonNegative("sharedBytes", sharedBytes);
      this.sharedReader = Objects.requireNonNull(sharedReader, "sharedReader");
    }

    /** Lanes of the launch, and the size of each lane's scratch region. */
    public Builder<S> lanes(int workers, long scratchBytes) {
      if (workers < 0 || workers > LinearMemoryPlan.MAX_WORKERS) {
        throw new IllegalArgumentException(
            "workers must be between 0 and " + LinearMemoryPlan.MAX_WORKERS + ", was " + workers);
      }
      this.workers = workers;
      this.scratchBytes = nonNegative("scratchBytes", scratchBytes);
      return this;
    }

    /** The input, and the largest input the tasklet accepts. */
    public Builder<S> input(MemorySegment input, long maxInputBytes) {
      this.input = Objects.requireNonNull(input, "input");
      this.maxInputBytes = nonNegative("maxInputBytes", maxInputBytes);
      return this;
    }

    /**
     * Copies the input into linear memory at launch even where lanes could read it in place, for
     * callers that will change their buffer while the launch runs.
     */
    public Builder<S> copyInput(boolean copy) {
      this.copyInput = copy;
      return this;
    }

    /**
     * Lanes write the output straight into {@code destination} (checked by {@link
     * #checkOutputDestination} at {@link #build}); empty for an output region in linear memory.
     */
    public Builder<S> outputTo(Optional<MemorySegment> destination) {
      this.outputTo = Objects.requireNonNull(destination, "destination");
      return this;
    }

    /** Size of the output region. */
    public Builder<S> outputBytes(long outputBytes) {
      this.outputBytes = nonNegative("outputBytes", outputBytes);
      return this;
    }

    /** Budget of the whole block. */
    public Builder<S> maxLinearMemory(long maxLinearMemory) {
      this.maxLinearMemory = nonNegative("maxLinearMemory", maxLinearMemory);
      return this;
    }

    /** The fuel pool; empty for none. */
    public Builder<S> maxFuel(OptionalLong maxFuel) {
      maxFuel.ifPresent(fuel -> nonNegative("maxFuel", fuel));
      this.maxFuel = maxFuel;
      return this;
    }

    /**
     * How long the launch may run, from the call to {@code launch()}; empty for no limit. A limit
     * too large to ever pass (over a century) is accepted and never reached.
     *
     * @throws IllegalArgumentException if the limit is zero or negative
     */
    public Builder<S> deadline(Optional<Duration> deadline) {
      deadline.ifPresent(LaunchSpec::checkDeadline);
      this.deadline = deadline;
      return this;
    }

    /**
     * The spec.
     *
     * @throws IllegalArgumentException if the output destination cannot take the output
     */
    public LaunchSpec<S> build() {
      outputTo.ifPresent(destination -> checkOutputDestination(destination, outputBytes));
      return new LaunchSpec<>(this);
    }

    /** {@code value}, checked not to be negative, the one check of every size and budget. */
    static long nonNegative(String name, long value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative, was " + value);
      }
      return value;
    }
  }
}
