package io.tasklet.runtime;

/** User code accessed linear memory out of range; the cause says where. */
public final class MemoryAccessException extends TaskletException {
  private static final long serialVersionUID = 1L;

  public MemoryAccessException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet, lane, message, cause);
  }
}
