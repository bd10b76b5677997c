package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Function;

/**
 * A single-threaded {@code @Tasklet} method as its generated launcher declares it: name,
 * regions, budget, fuel, how the shared state is read back, and the method itself: the public
 * {@code DECLARATION} of its launcher.
 *
 * @param <S> the shared state record
 */
public final class TaskletDeclaration<S> extends Declaration<S> {
  private final TaskletBody<S> body;

  /**
   * The declaration of the tasklet {@code body}; the size is the launcher's constant, checked
   * against the layout the record has now.
   *
   * @param name the tasklet's name, as errors and results show it
   * @param sharedBytes the size of the shared state, as the launcher was compiled
   * @param sharedLayout the shared state's layout
   * @param maxInputBytes the largest input; 0 for none
   * @param maxOutputBytes the size of the output region
   * @param maxLinearMemory the budget of the whole block
   * @param maxFuel the declared fuel pool; negative for none
   * @param sharedReader reads the shared state back into a record
   * @param body the tasklet
   * @throws IllegalStateException if the size differs from the layout's: a class is stale
   */
  public TaskletDeclaration(String name, long sharedBytes, MemoryLayout sharedLayout,
      long maxInputBytes, long maxOutputBytes, long maxLinearMemory, long maxFuel,
      Function<MemorySegment, S> sharedReader, TaskletBody<S> body) {
    super(new Declared<>(name, 0, Declared.current(name, sharedBytes, sharedLayout), 0,
        maxInputBytes, maxOutputBytes, maxLinearMemory, maxFuel, sharedReader));
    this.body = Objects.requireNonNull(body, "body");
  }

  /**
   * A run on the calling thread of a declaration without input.
   *
   * @return a builder of the run
   * @throws IllegalStateException if the declaration takes input
   */
  public TaskletLaunch<S> launch() {
    declared.checkInput(false);
    return new TaskletLaunch<>(declared, this::run);
  }

  /**
   * A run on the calling thread of a declaration with input ({@code maxInputBytes > 0}).
   *
   * @return a builder of the run
   * @throws IllegalStateException if the declaration takes no input
   */
  public TaskletLaunchWithInput<S> launchWithInput() {
    declared.checkInput(true);
    return new TaskletLaunchWithInput<>(declared, this::run);
  }

  /**
   * The memory plan of a run with the largest input.
   *
   * @return the plan
   */
  public LinearMemoryPlan plan() {
    return declared.worstCasePlan(0);
  }

  private TaskletResult<S> run(LaunchSpec<S> spec) throws TaskletException {
    return TaskletRuntime.runOnCallingThread(spec, body);
  }
}
