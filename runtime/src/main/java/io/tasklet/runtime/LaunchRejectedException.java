package io.tasklet.runtime;

/** The launch was refused before any lane started; nothing ran. */
public final class LaunchRejectedException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public LaunchRejectedException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
