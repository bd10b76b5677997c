package io.tasklet.runtime;

/** The work one lane does in one phase of {@link CoordinatorContext#parallelForWorkers}. */
@FunctionalInterface
public interface LaneBody<S, W> {
  /** Runs on lane {@code lane.index()}; an exception fails the launch. */
  void run(WorkerContext<S, W> lane) throws Exception;
}
