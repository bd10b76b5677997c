package io.tasklet.runtime;

/**
 * Runs tasklets on a fixed set of worker lanes over one block of linear memory per launch.
 *
 * <p>PLACEHOLDER: the lane machinery is specified in the runtime issue.
 */
public final class TaskletRuntime implements AutoCloseable {
  private final int cores;

  private TaskletRuntime(int cores) {
    this.cores = cores;
  }

  /** A runtime sized to this machine, shared by the whole process. */
  public static TaskletRuntime defaultRuntime() {
    throw new UnsupportedOperationException("not implemented");
  }

  /** A runtime that owns {@code cores} cores: it never runs more than that many lanes at once. */
  public static TaskletRuntime withCores(int cores) {
    return new TaskletRuntime(cores);
  }

  /** Number of cores this runtime owns: the most lanes one launch can ask for. */
  public int cores() {
    return cores;
  }

  /** Launches {@code coordinator} on {@code spec.workers()} lanes and waits for it. */
  public <S, W> TaskletResult<S> launch(LaunchSpec<S> spec, CoordinatorBody<S, W> coordinator)
      throws TaskletException {
    throw new UnsupportedOperationException("not implemented");
  }

  /** Runs a single-threaded tasklet on the calling thread; starts no lane. */
  public static <S> TaskletResult<S> runOnCallingThread(LaunchSpec<S> spec, TaskletBody<S> body)
      throws TaskletException {
    throw new UnsupportedOperationException("not implemented");
  }

  /** Stops the lane threads and releases cached memory; launches in progress complete first. */
  @Override
  public void close() {}
}
