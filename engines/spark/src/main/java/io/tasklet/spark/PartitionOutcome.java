package io.tasklet.spark;

import java.io.Serializable;

/**
 * The row a partition's task returns: its result, or why it failed without being worth a retry.
 *
 * @param <R> what the shared state of a successful launch became
 */
public sealed interface PartitionOutcome<R extends Serializable> extends Serializable
    permits PartitionResult, PartitionFailure {

  /** The partition's index in its RDD. */
  int partition();

  /**
   * The result, or the failure thrown as a {@link PartitionFailedException}; in a pipeline of your
   * own, {@code outcome.orThrow()} makes a failure row fail its task as any exception does.
   */
  PartitionResult<R> orThrow();
}
