package io.tasklet.runtime;

/**
 * The builder of a launch of a {@code @Coordinator} declaration without input: the settings of
 * {@link LaunchBuilder}, with {@code workers}.
 *
 * @param <S> the shared state record
 */
public final class CoordinatorLaunch<S> extends LaunchBuilder<S, CoordinatorLaunch<S>> {
  CoordinatorLaunch(Declared<S> declared, int defaultWorkers, Runner<S> runner) {
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
  public CoordinatorLaunch<S> workers(int workers) {
    return chooseWorkers(workers);
  }

  @Override
  CoordinatorLaunch<S> self() {
    return this;
  }
}
