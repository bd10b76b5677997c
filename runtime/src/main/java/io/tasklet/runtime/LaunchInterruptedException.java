package io.tasklet.runtime;

/** The thread that launched was interrupted; the lanes were stopped. */
public final class LaunchInterruptedException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public LaunchInterruptedException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
