package io.tasklet.runtime;

/** A coordinator, usually a reference to a {@code @Coordinator} method. */
@FunctionalInterface
public interface CoordinatorBody<S, W> {
  /** Runs the coordinator; an exception fails the launch. */
  void run(CoordinatorContext<S, W> ctx) throws Exception;
}
