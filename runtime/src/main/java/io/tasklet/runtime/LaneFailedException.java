package io.tasklet.runtime;

/** User code threw on a lane; the cause is what it threw. */
public final class LaneFailedException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public LaneFailedException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
