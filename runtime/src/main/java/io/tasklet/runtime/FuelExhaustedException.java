package io.tasklet.runtime;

/** A fuel checkpoint asked for more fuel than the pool had left (or no pool was configured). */
public final class FuelExhaustedException extends TaskletException {
  private static final long serialVersionUID = 1L;

  private final long requested;
  private final long remaining;
  private final boolean poolConfigured;

  /**
   * A checkpoint of lane {@code lane} ({@code -1}: the coordinator) asked for {@code requested}
   * units when {@code remaining} were left unconsumed, or when there was no pool at all.
   */
  public FuelExhaustedException(
      String tasklet, int lane, long requested, long remaining, boolean poolConfigured) {
    super(tasklet, lane, message(requested, remaining, poolConfigured), null);
    this.requested = requested;
    this.remaining = remaining;
    this.poolConfigured = poolConfigured;
  }

  private static String message(long requested, long remaining, boolean poolConfigured) {
    return poolConfigured
        ? "fuel exhausted: a checkpoint asked for " + requested + " units with " + remaining
            + " left in the pool; raise maxFuel or draw less"
        : "fuel exhausted: a checkpoint asked for " + requested + " units and no fuel pool is"
            + " configured, so every checkpoint fails; set maxFuel on the declaration or builder";
  }

  /** Units the failing checkpoint asked for. */
  public long requested() {
    return requested;
  }

  /** Units left unconsumed in the pool when it failed; 0 with no pool. */
  public long remaining() {
    return remaining;
  }

  /** Whether the launch had a fuel pool at all. */
  public boolean poolConfigured() {
    return poolConfigured;
  }
}
