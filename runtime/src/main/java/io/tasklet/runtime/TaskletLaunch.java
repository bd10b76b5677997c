package io.tasklet.runtime;

/**
 * The builder of a run of a {@code @Tasklet} declaration on the calling thread without input: the
 * settings of {@link LaunchBuilder} alone.
 *
 * @param <S> the shared state record
 */
public final class TaskletLaunch<S> extends LaunchBuilder<S, TaskletLaunch<S>> {
  TaskletLaunch(Declared<S> declared, Runner<S> runner) {
    super(declared, 0, runner);
  }

  @Override
  TaskletLaunch<S> self() {
    return this;
  }
}
