package io.tasklet.benchmarks;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The primary score of one benchmark run with one set of parameters, as the results table uses
 * it.
 *
 * @param benchmark the class and method, without the package: {@code LaneRoundTrip.tasklet}
 * @param params the {@code @Param} values of the run, by name
 * @param mode JMH's short label of the mode: {@code avgt}, {@code thrpt}, {@code sample}, {@code ss}
 * @param score the score
 * @param error half the width of JMH's 99.9% confidence interval; NaN with too few iterations
 * @param unit the score's unit, such as {@code ns/op} or {@code ops/us}
 */
public record Measurement(
    String benchmark, Map<String, String> params, String mode, double score, double error,
    String unit) {
  private static final String PACKAGE = Measurement.class.getPackageName() + ".";

  public Measurement {
    Objects.requireNonNull(benchmark, "benchmark");
    params = Collections.unmodifiableMap(new TreeMap<>(params));
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
  }

  /** The primary result of a JMH run. */
  static Measurement of(RunResult run) {
    BenchmarkParams jmh = run.getParams();
    Map<String, String> params = new TreeMap<>();
    for (Object key : jmh.getParamsKeys()) {
      params.put((String) key, jmh.getParam((String) key));
    }
    String benchmark = jmh.getBenchmark();
    if (benchmark.startsWith(PACKAGE)) {
      benchmark = benchmark.substring(PACKAGE.length());
    }
    Result<?> primary = run.getPrimaryResult();
    return new Measurement(benchmark, params, jmh.getMode().shortLabel(), primary.getScore(),
        primary.getScoreError(), primary.getScoreUnit());
  }

  /** Whether a smaller score is better: time per operation rather than operations per time. */
  public boolean lowerIsBetter() {
    return !unit.startsWith("ops/");
  }

  /** The benchmark and its parameters: {@code LaneRoundTrip.tasklet lanes=2}. */
  public String label() {
    return BenchmarkRef.label(benchmark, params);
  }
}
