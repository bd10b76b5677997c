package io.tasklet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/** How the suite splits its benchmarks into runs, and how long the whole suite takes. */
class SuiteTest {
  private static final List<BenchmarkListEntry> BENCHMARKS = List.copyOf(
      BenchmarkList.defaultList().find(
          OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
          List.of(".*"), List.of()));
  private static final Path RAW = Path.of("jmh-result.json");

  @Test
  void aFullRunGivesBenchmarksWithSettingsOfTheirOwnARunOfTheirOwn() throws Exception {
    List<Suite.Batch> batches =
        Suite.Batch.of(Suite.Settings.FULL, new CommandLineOptions(), BENCHMARKS, RAW);
    assertEquals(4, batches.size());
    List<String> own = batches.stream().filter(Suite.Batch::own).map(Suite.Batch::describe)
        .toList();
    assertEquals(List.of(
            "FlightRecorderOverhead.launch, LaunchOverhead.tasklet, ViewAccess.randomSegment,"
                + " ViewAccess.randomView: 3 forks, 3 x 1 s warm-up, 5 x 1 s measurement",
            "FlightRecorderOverhead.roundTrip, HistogramEndToEnd, LaneRoundTrip.phaser,"
                + " LaneRoundTrip.pingPong, LaneRoundTrip.tasklet, ReductionEndToEnd: 3 forks,"
                + " 6 x 1 s warm-up, 5 x 1 s measurement",
            "ProcessorCompile: 3 forks, 5 x 4 s warm-up, 5 x 4 s measurement"),
        own.stream().sorted().toList());
    Suite.Batch rest = batches.stream().filter(batch -> !batch.own()).findFirst().orElseThrow();
    assertEquals("1 fork, 3 x 1 s warm-up, 5 x 1 s measurement", rest.describe());
    assertEquals(BENCHMARKS.size(),
        batches.stream().mapToInt(batch -> batch.benchmarks().size()).sum());
    assertTrue(rest.options().getExcludes().stream()
        .anyMatch(exclude -> exclude.contains("ProcessorCompile.withProcessor")));
  }

  @Test
  void aQuickRunOrJmhOptionsOverrideWhatBenchmarksSet() throws Exception {
    assertEquals(1,
        Suite.Batch.of(Suite.Settings.QUICK, new CommandLineOptions(), BENCHMARKS, RAW).size());
    List<Suite.Batch> batches = Suite.Batch.of(Suite.Settings.FULL,
        new CommandLineOptions("-f", "2", "-wi", "1", "-w", "2s", "-i", "1", "-r", "2s"),
        BENCHMARKS, RAW);
    assertEquals(4, batches.size());
    for (Suite.Batch batch : batches) {
      assertTrue(batch.describe().endsWith("2 forks, 1 x 2 s warm-up, 1 x 2 s measurement"),
          batch.describe());
    }
  }

  /**
   * Twenty-five minutes: a quarter of an hour until the comparisons that one JVM's draw decided
   * ran three forks a side.
   */
  @Test
  void theWholeSuiteTakesLessThanTwentyFiveMinutes() throws Exception {
    RunPlan plan = RunPlan.NONE;
    for (Suite.Batch batch :
        Suite.Batch.of(Suite.Settings.FULL, new CommandLineOptions(), BENCHMARKS, RAW)) {
      plan = plan.plus(RunPlan.of(batch.options(), batch.benchmarks()));
    }
    assertTrue(plan.estimate().compareTo(Duration.ofMinutes(25)) < 0,
        "the suite would take " + ResultsTable.describe(plan.estimate()));
  }
}
