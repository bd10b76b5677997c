package io.tasklet.benchmarks;

import java.util.Objects;

/**
 * One row of the results table: a benchmark of ours, the baseline it is measured against in the
 * same run, and the target the ratio should meet. Both sides must report in the same unit.
 *
 * @param name what is compared, as the table shows it
 * @param ours the benchmark of the Tasklet runtime
 * @param baseline the benchmark it is compared with
 * @param target the ratio it should reach, or none
 */
public record Comparison(String name, BenchmarkRef ours, BenchmarkRef baseline, Target target) {
  public Comparison {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ours, "ours");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(target, "target");
  }
}
