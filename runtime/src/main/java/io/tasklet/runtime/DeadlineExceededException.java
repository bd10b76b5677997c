package io.tasklet.runtime;

/** The launch ran past its deadline; the lanes were stopped. */
public final class DeadlineExceededException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
