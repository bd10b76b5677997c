package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@code @Coordinator} method as its generated launcher declares it: name, lanes, regions,
 * budget, fuel, how the shared state is read back, and the method itself. The launcher's public
 * {@code DECLARATION} is one: it tells what the annotation declared, and hands out the builders
 * of the launcher's {@code builder()} and {@code on(runtime)}; every check and message of a launch
 * lives in the runtime.
 *
 * @param <S> the shared state record
 * @param <W> the worker scratch record
 */
public final class CoordinatorDeclaration<S, W> extends Declaration<S> {
  private final CoordinatorBody<S, W> body;

  /**
   * The declaration of the coordinator {@code body}; the sizes are the launcher's constants,
   * checked against the layouts the records have now.
   *
   * @param name the tasklet's name, as errors and results show it
   * @param workers the declared lanes: the most a launch can use
   * @param sharedBytes the size of the shared state, as the launcher was compiled
   * @param sharedLayout the shared state's layout
   * @param scratchBytes the size of a lane's scratch, as the launcher was compiled
   * @param scratchLayout the scratch's layout
   * @param maxInputBytes the largest input; 0 for none
   * @param maxOutputBytes the size of the output region
   * @param maxLinearMemory the budget of the whole block
   * @param maxFuel the declared fuel pool; negative for none
   * @param sharedReader reads the shared state back into a record
   * @param body the coordinator
   * @throws IllegalStateException if a size differs from its layout's: a class is stale
   */
  public CoordinatorDeclaration(String name, int workers, long sharedBytes,
      MemoryLayout sharedLayout, long scratchBytes, MemoryLayout scratchLayout, long maxInputBytes,
      long maxOutputBytes, long maxLinearMemory, long maxFuel,
      Function<MemorySegment, S> sharedReader, CoordinatorBody<S, W> body) {
    super(new Declared<>(name, workers, Declared.current(name, sharedBytes, sharedLayout),
        Declared.current(name, scratchBytes, scratchLayout), maxInputBytes, maxOutputBytes,
        maxLinearMemory, maxFuel, sharedReader));
    this.body = Objects.requireNonNull(body, "body");
  }

  /** {@return the declared lanes, {@code workers}: the most a launch can use} */
  public int workers() {
    return declared.workers();
  }

  /** {@return the size of a lane's scratch in bytes, its view's {@code SIZE}} */
  public long scratchBytes() {
    return declared.scratchBytes();
  }

  /**
   * A launch on {@code runtime} of a declaration without input.
   *
   * @param runtime the runtime to launch on
   * @return a builder of the launch
   * @throws IllegalStateException if the declaration takes input
   */
  public CoordinatorLaunch<S> launch(TaskletRuntime runtime) {
    declared.checkInput(false);
    return new CoordinatorLaunch<>(declared, lanesOn(runtime), runner(runtime));
  }

  /**
   * A launch on {@code runtime} of a declaration with input ({@code maxInputBytes > 0}).
   *
   * @param runtime the runtime to launch on
   * @return a builder of the launch
   * @throws IllegalStateException if the declaration takes no input
   */
  public CoordinatorLaunchWithInput<S> launchWithInput(TaskletRuntime runtime) {
    declared.checkInput(true);
    return new CoordinatorLaunchWithInput<>(declared, lanesOn(runtime), runner(runtime));
  }

  /**
   * The memory plan of a launch on {@code workers} lanes with the largest input.
   *
   * @param workers the number of lanes, 1 to the declared
   * @return the plan
   * @throws IndexOutOfBoundsException if {@code workers} is out of range
   */
  public LinearMemoryPlan plan(int workers) {
    Objects.checkFromToIndex(1, workers, declared.workers() + 1);
    return declared.worstCasePlan(workers);
  }

  /** Lanes of a launch that does not choose: the declared ones, or the runtime's cores if fewer. */
  private int lanesOn(TaskletRuntime runtime) {
    return Math.min(declared.workers(), Objects.requireNonNull(runtime, "runtime").cores());
  }

  private LaunchBuilder.Runner<S> runner(TaskletRuntime runtime) {
    return spec -> runtime.launch(spec, body);
  }
}
