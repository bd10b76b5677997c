package io.tasklet.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark runs the suite is about to make, and about how long they will take.
 *
 * @param runs benchmark runs: one per benchmark, mode and combination of parameter values
 * @param estimate about how long they take, forks included
 */
record RunPlan(int runs, Duration estimate) {
  /** No runs. */
  static final RunPlan NONE = new RunPlan(0, Duration.ZERO);
  /**
   * Starting a forked JVM and JMH in it, and ending it: about 250 ms per fork on a 2-core machine
   * with a smoke run of today's suite, rounded up.
   */
  static final Duration FORK_START = Duration.ofMillis(400);

  /** What an iteration takes beyond its time: finishing the last operation, setup, teardown. */
  static final Duration ITERATION_EXTRA = Duration.ofMillis(10);

  /**
   * What a fork takes beyond the above when its benchmark sets its own iteration times, as one
   * with long operations does: in {@link ProcessorCompile}, the setup's first compilation takes
   * about 3 s and the operation that runs past the end of each iteration about 0.4 s, so its
   * forks ran about 5 s longer than estimated without this on a 2-core machine.
   */
  static final Duration LONG_OPERATIONS_EXTRA = Duration.ofSeconds(5);

  /** The runs {@code options} make of {@code benchmarks}, the entries that matched them. */
  static RunPlan of(Options options, Collection<BenchmarkListEntry> benchmarks) {
    int runs = 0;
    long nanos = 0;
    for (BenchmarkListEntry benchmark : benchmarks) {
      int modes = options.getBenchModes().isEmpty() ? 1 : options.getBenchModes().size();
      int benchmarkRuns = modes * combinations(options, benchmark);
      int forks = options.getForkCount().orAnother(benchmark.getForks()).orElse(1)
          + options.getWarmupForkCount().orAnother(benchmark.getWarmupForks()).orElse(0);
      long fork = FORK_START.toNanos()
          + (setsItsOwnIterationTimes(benchmark) ? LONG_OPERATIONS_EXTRA.toNanos() : 0)
          + iterations(options.getWarmupIterations().orAnother(benchmark.getWarmupIterations())
              .orElse(0), options.getWarmupTime().orAnother(benchmark.getWarmupTime())
              .orElse(TimeValue.seconds(10)))
          + iterations(options.getMeasurementIterations()
              .orAnother(benchmark.getMeasurementIterations()).orElse(5),
              options.getMeasurementTime().orAnother(benchmark.getMeasurementTime())
                  .orElse(TimeValue.seconds(10)));
      runs += benchmarkRuns;
      nanos += (long) benchmarkRuns * Math.max(forks, 1) * fork;
    }
    return new RunPlan(runs, Duration.ofNanos(nanos));
  }

  /** Whether {@code benchmark} sets the time of its warm-up or measurement iterations. */
  private static boolean setsItsOwnIterationTimes(BenchmarkListEntry benchmark) {
    return benchmark.getWarmupTime().hasValue() || benchmark.getMeasurementTime().hasValue();
  }

  /** This plan and then {@code other}. */
  RunPlan plus(RunPlan other) {
    return new RunPlan(runs + other.runs, estimate.plus(other.estimate));
  }

  private static int combinations(Options options, BenchmarkListEntry benchmark) {
    int combinations = 1;
    Map<String, String[]> params = benchmark.getParams().orElse(Map.of());
    for (Map.Entry<String, String[]> param : params.entrySet()) {
      var chosen = options.getParameter(param.getKey());
      combinations *= chosen.hasValue() ? chosen.get().size() : param.getValue().length;
    }
    return combinations;
  }

  private static long iterations(int count, TimeValue time) {
    return count * (time.convertTo(TimeUnit.NANOSECONDS)
        + ITERATION_EXTRA.toNanos());
  }
}
