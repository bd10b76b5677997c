package io.tasklet.spark;

/**
 * A partition's launch failed; the message names the partition, the executor and the attempt, and
 * says why. Thrown by {@link TaskletJob#run} on the driver, and inside a task for the failures
 * Spark may retry.
 */
public final class PartitionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a partition failed, and whether another attempt could do better. */
  public enum Reason {
    /** A fuel checkpoint asked for more than the partition's budget had left. */
    FUEL_EXHAUSTED("fuel exhausted", false),
    /** The launch was refused before anything ran (too many lanes, input over the maximum). */
    LAUNCH_REJECTED("launch rejected", false),
    /** The partition is larger than the budget's maxInputBytes; nothing was launched. */
    INPUT_OVER_BUDGET("input over budget", false),
    /** The kernel launched on more lanes than granted, or with more fuel than budgeted. */
    BUDGET_NOT_APPLIED("budget not applied", false),
    /**
     * Anything else the launch threw (user code, a deadline, an interruption): Spark retries the
     * task up to {@code spark.task.maxFailures} times, as for any exception of a task.
     */
    TASKLET_FAILED("tasklet failed", true);

    private final String words;
    private final boolean retryable;

    Reason(String words, boolean retryable) {
      this.words = words;
      this.retryable = retryable;
    }

    /** Whether Spark retries a task that failed for this reason. */
    public boolean retryable() {
      return retryable;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  private final int partition;
  private final String executor;
  private final int attempt;
  private final Reason reason;

  PartitionFailedException(
      int partition, String executor, int attempt, Reason reason, String detail, Throwable cause) {
    super("partition " + partition + " failed (" + reason + (reason.retryable() ? "" : ", not retried")
        + ") on executor " + executor + ", attempt " + attempt + ": " + detail, cause);
    this.partition = partition;
    this.executor = executor;
    this.attempt = attempt;
    this.reason = reason;
  }

  /** The partition's index in its RDD. */
  public int partition() {
    return partition;
  }

  /** The executor that ran it ({@code driver} in local mode). */
  public String executor() {
    return executor;
  }

  /** Spark's attempt number of the failed task, 0 for the first. */
  public int attempt() {
    return attempt;
  }

  /** Why it failed. */
  public Reason reason() {
    return reason;
  }
}
