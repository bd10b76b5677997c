package io.tasklet.runtime;

/** A single-threaded tasklet, usually a reference to a {@code @Tasklet} method. */
@FunctionalInterface
public interface TaskletBody<S> {
  /** Runs the tasklet; an exception fails the run. */
  void run(TaskletContext<S> ctx) throws Exception;
}
