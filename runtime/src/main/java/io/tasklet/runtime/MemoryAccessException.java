package io.tasklet.runtime;

/**
 * User code accessed a memory segment out of range (the bounds check of the FFM API, or a
 * generated view's index check); the cause says where. Other index errors of user code, such as
 * a list's, are {@link LaneFailedException} or {@link CoordinatorFailedException}.
 */
public final class MemoryAccessException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public MemoryAccessException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
