package io.tasklet.spark;

import io.tasklet.runtime.TaskletException;
import java.io.Serializable;

/**
 * A partition whose launch failed in a way a retry cannot change: the same bytes and budget fail
 * the same way on any executor.
 *
 * @param partition the partition's index in its RDD
 * @param executor the executor that ran it ({@code driver} in local mode)
 * @param attempt Spark's attempt number of the task, 0 for the first
 * @param lanesGranted the CPUs Spark granted the task
 * @param reason why it failed
 * @param detail what failed, in words
 * @param cause the launch's error, or null when the partition failed a check of its own
 * @param <R> what a successful launch's shared state would have become
 */
public record PartitionFailure<R extends Serializable>(
    int partition,
    String executor,
    int attempt,
    int lanesGranted,
    PartitionFailedException.Reason reason,
    String detail,
    TaskletException cause)
    implements PartitionOutcome<R> {

  /** The failure as the exception a job throws for it. */
  public PartitionFailedException toException() {
    return new PartitionFailedException(partition, executor, attempt, reason, detail, cause);
  }

  @Override
  public PartitionResult<R> orThrow() {
    throw toException();
  }
}
