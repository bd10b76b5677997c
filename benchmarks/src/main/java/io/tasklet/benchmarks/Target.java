package io.tasklet.benchmarks;

/**
 * What a {@link Comparison} should show: that ours is at least {@code atLeast} times better than
 * the baseline, or only how the two compare ({@code atLeast} NaN). The words say how "better"
 * reads for the row: "3x faster", "10x cheaper". A target below 1 allows ours to be worse, by at
 * most its inverse: {@code 1 / 1.05} reads "at most 1.05x costlier".
 *
 * @param atLeast the smallest ratio (baseline over ours, for times) that meets the target; NaN
 *     for none
 * @param better how a ratio above 1 reads, as in "faster"
 * @param worse how a ratio below 1 reads, as in "slower"
 */
public record Target(double atLeast, String better, String worse) {
  public Target {
    if (!Double.isNaN(atLeast) && !(atLeast > 0)) {
      throw new IllegalArgumentException("a target ratio must be positive, was " + atLeast);
    }
  }

  /** Ours at least {@code times} times faster. */
  public static Target faster(double times) {
    return new Target(times, "faster", "slower");
  }

  /** No goal; the ratio reads as faster or slower. */
  public static Target faster() {
    return faster(Double.NaN);
  }

  /** Ours at least {@code times} times cheaper per operation. */
  public static Target cheaper(double times) {
    return new Target(times, "cheaper", "costlier");
  }

  /** No goal; the ratio reads as cheaper or costlier. */
  public static Target cheaper() {
    return cheaper(Double.NaN);
  }

  /** Ours at most {@code times} times slower: at least as fast for 1. */
  public static Target atMostSlower(double times) {
    return faster(1 / times);
  }

  /** Ours at most {@code times} times costlier per operation: as cheap for 1. */
  public static Target atMostCostlier(double times) {
    return cheaper(1 / times);
  }

  /** Whether there is a goal to meet. */
  public boolean isSet() {
    return !Double.isNaN(atLeast);
  }

  /**
   * The target as the table shows it: {@code >= 5x faster}, {@code <= 1.05x costlier} below 1, or
   * {@code none}.
   */
  public String describe() {
    if (!isSet()) {
      return "none";
    }
    return atLeast >= 1
        ? ">= " + Numbers.plain(atLeast) + "x " + better
        : "<= " + Numbers.plain(1 / atLeast) + "x " + worse;
  }
}
