package io.tasklet.samples.reduction;

import io.tasklet.annotations.SharedState;

/**
 * Count, sum, minimum and maximum of a run of doubles.
 *
 * @param count values seen
 * @param sum their sum
 * @param min the smallest; {@code +Infinity} when there are none
 * @param max the largest; {@code -Infinity} when there are none
 */
@SharedState
public record Summary(long count, double sum, double min, double max) {
  /** The mean; {@code NaN} when there are no values. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }
}
