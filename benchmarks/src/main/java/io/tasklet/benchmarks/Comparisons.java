package io.tasklet.benchmarks;

import static io.tasklet.benchmarks.BenchmarkRef.of;

import java.util.List;

/**
 * The comparisons the suite reports, in the order of the table. To add one, write the benchmark
 * and its baseline (in one class, with the same {@code @OutputTimeUnit}), then add a row here;
 * {@code ComparisonsTest} checks that every row names benchmarks and parameters that exist.
 */
final class Comparisons {
  static final List<Comparison> ALL = List.of(
      new Comparison("Lane round trip, 2 lanes: parallelForWorkers vs ForkJoinPool.invokeAll",
          of("LaneRoundTrip.tasklet", "lanes=2"),
          of("LaneRoundTrip.forkJoinInvokeAll", "tasks=2"),
          Target.faster(5)),
      new Comparison("Lane round trip, 1 lane: parallelForWorkers vs ForkJoinPool.invokeAll",
          of("LaneRoundTrip.tasklet", "lanes=1"),
          of("LaneRoundTrip.forkJoinInvokeAll", "tasks=1"),
          Target.faster()),
      new Comparison("Lane round trip, 2 lanes: parallelForWorkers vs CyclicBarrier",
          of("LaneRoundTrip.tasklet", "lanes=2"),
          of("LaneRoundTrip.cyclicBarrier", "threads=2"),
          Target.faster()),
      new Comparison("Lane round trip, 2 lanes: parallelForWorkers vs Phaser",
          of("LaneRoundTrip.tasklet", "lanes=2"),
          of("LaneRoundTrip.phaser", "threads=2"),
          Target.faster()),
      new Comparison("Fuel checkpoint, 2 lanes: leased pool vs shared AtomicLong CAS",
          of("FuelCheckpoint.pool", "lanes=2"),
          of("FuelCheckpoint.naiveCas", "lanes=2"),
          Target.cheaper(10)),
      new Comparison("Fuel checkpoint, 1 lane: leased pool vs shared AtomicLong CAS",
          of("FuelCheckpoint.pool", "lanes=1"),
          of("FuelCheckpoint.naiveCas", "lanes=1"),
          Target.cheaper()),
      new Comparison("Launch of an empty tasklet, 2 lanes vs 2 tasks on an ExecutorService",
          of("LaunchOverhead.tasklet", "lanes=2"),
          of("LaunchOverhead.executor", "tasks=2"),
          Target.faster()),
      new Comparison("Launch of an empty tasklet, 1 lane vs 1 task on an ExecutorService",
          of("LaunchOverhead.tasklet", "lanes=1"),
          of("LaunchOverhead.executor", "tasks=1"),
          Target.faster()),
      new Comparison("Lane round trip, 1 lane: under a JFR recording, Tasklet events"
              + " disabled vs no recording",
          of("FlightRecorderOverhead.roundTrip", "lanes=1", "events=disabled"),
          of("LaneRoundTrip.tasklet", "lanes=1"),
          Target.atMostSlower(1.05)),
      new Comparison("Lane round trip, 2 lanes: under a JFR recording, Tasklet events"
              + " disabled vs no recording",
          of("FlightRecorderOverhead.roundTrip", "lanes=2", "events=disabled"),
          of("LaneRoundTrip.tasklet", "lanes=2"),
          Target.atMostSlower(1.05)),
      new Comparison("Lane round trip, 2 lanes: under a JFR recording, every phase recorded"
              + " vs no recording",
          of("FlightRecorderOverhead.roundTrip", "lanes=2", "events=enabled"),
          of("LaneRoundTrip.tasklet", "lanes=2"),
          Target.faster()),
      new Comparison("Launch of an empty tasklet, 1 lane: under a JFR recording, Tasklet"
              + " events disabled vs no recording",
          of("FlightRecorderOverhead.launch", "lanes=1", "events=disabled"),
          of("LaunchOverhead.tasklet", "lanes=1"),
          Target.atMostSlower(1.05)),
      new Comparison("Launch of an empty tasklet, 2 lanes: under a JFR recording, Tasklet"
              + " events disabled vs no recording",
          of("FlightRecorderOverhead.launch", "lanes=2", "events=disabled"),
          of("LaunchOverhead.tasklet", "lanes=2"),
          Target.atMostSlower(1.05)),
      new Comparison("Launch of an empty tasklet, 2 lanes: under a JFR recording, every"
              + " launch and phase recorded vs no recording",
          of("FlightRecorderOverhead.launch", "lanes=2", "events=enabled"),
          of("LaunchOverhead.tasklet", "lanes=2"),
          Target.faster()),
      new Comparison("Histogram of 64 MiB, per byte: generated view vs hand-written MemorySegment",
          of("ViewAccess.sequentialView"),
          of("ViewAccess.sequentialSegment"),
          Target.atMostCostlier(1.05)),
      new Comparison("Histogram of 64 MiB, per byte: generated view vs long[]",
          of("ViewAccess.sequentialView"),
          of("ViewAccess.sequentialArray"),
          Target.atMostCostlier(1.3)),
      new Comparison("Random increments of 1M longs: generated view vs hand-written MemorySegment",
          of("ViewAccess.randomView"),
          of("ViewAccess.randomSegment"),
          Target.atMostCostlier(1.05)),
      new Comparison("Random increments of 1M longs: generated view vs long[]",
          of("ViewAccess.randomView"),
          of("ViewAccess.randomArray"),
          Target.atMostCostlier(1.3)),
      new Comparison("Histogram sample, 64 MiB, 2 lanes vs a parallel stream",
          of("HistogramEndToEnd.tasklet"),
          of("HistogramEndToEnd.parallelStream"),
          Target.atMostSlower(1)),
      new Comparison("Histogram sample, 64 MiB, 2 lanes vs 2 threads",
          of("HistogramEndToEnd.tasklet"),
          of("HistogramEndToEnd.threads"),
          Target.atMostSlower(1)),
      new Comparison("Histogram sample, 64 MiB, 2 lanes vs 1 thread",
          of("HistogramEndToEnd.tasklet"),
          of("HistogramEndToEnd.oneThread"),
          Target.faster(1.7)),
      new Comparison("Reduction sample, 8M doubles, 2 lanes vs a parallel stream",
          of("ReductionEndToEnd.tasklet"),
          of("ReductionEndToEnd.parallelStream"),
          Target.atMostSlower(1)),
      new Comparison("Reduction sample, 8M doubles, 2 lanes vs 2 threads",
          of("ReductionEndToEnd.tasklet"),
          of("ReductionEndToEnd.threads"),
          Target.atMostSlower(1)),
      new Comparison("Reduction sample, 8M doubles, 2 lanes vs 1 thread",
          of("ReductionEndToEnd.tasklet"),
          of("ReductionEndToEnd.oneThread"),
          Target.faster(1.7)),
      new Comparison("javac on 200 records and 50 coordinators: with the processor vs plain code"
              + " without it",
          of("ProcessorCompile.withProcessor"),
          of("ProcessorCompile.withoutProcessor"),
          Target.atMostSlower(1.5)),
      new Comparison("javac on the same project: its generated sources given as plain sources vs"
              + " plain code (javac's share)",
          of("ProcessorCompile.generatedSourcesWithoutProcessor"),
          of("ProcessorCompile.withoutProcessor"),
          Target.faster()),
      new Comparison("javac on the same project: with the processor vs its generated sources given"
              + " as plain sources (the processing's share)",
          of("ProcessorCompile.withProcessor"),
          of("ProcessorCompile.generatedSourcesWithoutProcessor"),
          Target.faster()));

  private Comparisons() {}
}
