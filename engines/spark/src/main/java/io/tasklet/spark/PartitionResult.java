package io.tasklet.spark;

import java.io.Serializable;
import java.time.Duration;

/**
 * A partition's successful launch and its figures.
 *
 * @param partition the partition's index in its RDD
 * @param executor the executor that ran it ({@code driver} in local mode)
 * @param attempt Spark's attempt number of the task, 0 for the first
 * @param lanesGranted the CPUs Spark granted the task
 * @param lanes the lanes the launch ran on, at most {@code lanesGranted}
 * @param inputBytes the partition's size
 * @param maxFuel the launch's fuel pool
 * @param fuelConsumed the fuel the launch consumed, at most {@code maxFuel}
 * @param elapsed the launch's wall-clock time
 * @param shared what the launch's shared state became
 * @param output the launch's output region; empty when it has none
 * @param <R> the type of {@code shared}
 */
public record PartitionResult<R extends Serializable>(
    int partition,
    String executor,
    int attempt,
    int lanesGranted,
    int lanes,
    long inputBytes,
    long maxFuel,
    long fuelConsumed,
    Duration elapsed,
    R shared,
    byte[] output)
    implements PartitionOutcome<R> {

  @Override
  public PartitionResult<R> orThrow() {
    return this;
  }
}
