package io.tasklet.runtime;

/** A fuel checkpoint asked for more fuel than the pool had left (or no pool was configured). */
public final class FuelExhaustedException extends TaskletException {
  private static final long serialVersionUID = 1L;

  private final long requested;
  private final long remaining;

  public FuelExhaustedException(String tasklet, int lane, long requested, long remaining) {
    super(tasklet, lane, "fuel exhausted: checkpoint of " + requested + " units, "
        + remaining + " left", null);
    this.requested = requested;
    this.remaining = remaining;
  }

  /** Units the failing checkpoint asked for. */
  public long requested() {
    return requested;
  }

  /** Units left unconsumed in the pool when it failed. */
  public long remaining() {
    return remaining;
  }
}
