package io.tasklet.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What one partition's launch may use. Every partition gets the whole budget for itself: fuel is
 * not shared between partitions, and a partition that runs out fails alone, naming itself.
 *
 * @param maxFuel the fuel pool of each partition's launch
 * @param deadline how long each partition's launch may run
 * @param maxInputBytes the largest partition accepted; a larger one fails without launching
 */
public record PartitionBudget(long maxFuel, Duration deadline, long maxInputBytes)
    implements Serializable {

  /**
   * @throws IllegalArgumentException if {@code maxFuel} or {@code maxInputBytes} is negative, or
   *     {@code deadline} is not positive
   */
  public PartitionBudget {
    Objects.requireNonNull(deadline, "deadline");
    if (maxFuel < 0) {
      throw new IllegalArgumentException("maxFuel must not be negative, was " + maxFuel);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
    if (maxInputBytes < 0) {
      throw new IllegalArgumentException(
          "maxInputBytes must not be negative, was " + maxInputBytes);
    }
  }

  /** A budget of {@code maxFuel} units and {@code deadline} per partition, of any size. */
  public static PartitionBudget of(long maxFuel, Duration deadline) {
    return new PartitionBudget(maxFuel, deadline, Long.MAX_VALUE);
  }

  /** This budget, accepting partitions of at most {@code bytes}. */
  public PartitionBudget withMaxInputBytes(long bytes) {
    return new PartitionBudget(maxFuel, deadline, bytes);
  }
}
