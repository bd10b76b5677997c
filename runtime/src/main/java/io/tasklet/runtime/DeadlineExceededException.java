package io.tasklet.runtime;

/**
 * The launch ran past its deadline, or waited for free cores past it. The lanes were stopped; if
 * some ignored the stop for the whole grace, the message names them and their threads are
 * quarantined (see {@link TaskletRuntime#quarantinedLanes}).
 */
public final class DeadlineExceededException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
