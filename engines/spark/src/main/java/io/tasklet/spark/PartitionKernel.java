package io.tasklet.spark;

import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import java.io.Serializable;

/**
 * Launches a generated launcher on one partition, with the settings the partition was given:
 *
 * <pre>{@code
 * partition -> ByteHistogramCountTasklet.on(partition.runtime())
 *     .workers(partition.lanesUpTo(ByteHistogramCountTasklet.DECLARATION.workers()))
 *     .input(partition.input())
 *     .maxFuel(partition.maxFuel())
 *     .deadline(partition.deadline())
 *     .launch()
 * }</pre>
 *
 * <p>Spark ships it to the executors, so it must be serializable: a lambda that captures nothing
 * else is. A launch on more lanes than granted, or with a larger fuel pool than the budget's,
 * fails the partition.
 *
 * @param <S> the launcher's shared state record
 */
@FunctionalInterface
public interface PartitionKernel<S> extends Serializable {
  /** Launches on {@code partition} and waits for the launch. */
  TaskletResult<S> launch(PartitionLaunch partition) throws TaskletException;
}
