package io.tasklet.benchmarks;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Names one side of a {@link Comparison}: a benchmark method and the parameter values to take
 * its score from. Parameters it does not name may have any value; when several runs match, the
 * first one is used.
 *
 * @param benchmark the class and method, without the package: {@code LaneRoundTrip.tasklet}
 * @param params parameter values the run must have
 */
public record BenchmarkRef(String benchmark, Map<String, String> params) {
  public BenchmarkRef {
    Objects.requireNonNull(benchmark, "benchmark");
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** {@code benchmark} with {@code params} written as {@code "name=value"}. */
  public static BenchmarkRef of(String benchmark, String... params) {
    Map<String, String> values = new TreeMap<>();
    for (String param : params) {
      int equals = param.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("parameter '" + param + "' of " + benchmark
            + " should read name=value");
      }
      values.put(param.substring(0, equals), param.substring(equals + 1));
    }
    return new BenchmarkRef(benchmark, values);
  }

  /** Whether {@code measurement} is a run of this benchmark with these parameter values. */
  public boolean matches(Measurement measurement) {
    return measurement.benchmark().equals(benchmark)
        && measurement.params().entrySet().containsAll(params.entrySet());
  }

  @Override
  public String toString() {
    return label(benchmark, params);
  }

  static String label(String benchmark, Map<String, String> params) {
    StringBuilder label = new StringBuilder(benchmark);
    params.forEach((name, value) -> label.append(' ').append(name).append('=').append(value));
    return label.toString();
  }
}
