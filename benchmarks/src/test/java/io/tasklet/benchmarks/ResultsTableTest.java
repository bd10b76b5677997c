package io.tasklet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ratios, verdicts and the two ways the table is written. */
class ResultsTableTest {
  private static final RunInfo RUN = new RunInfo(
      Instant.parse("2025-01-02T03:04:05Z"), Duration.ofSeconds(151),
      new RunInfo.Jdk("25.0.1", "OpenJDK 64-Bit Server VM", "25.0.1+8-LTS", "/jdk"), "1.37",
      "1 fork, 3 x 1 s warm-up, 5 x 1 s measurement", List.of("--quick"),
      new Machine(2, "Some CPU @ 2.00GHz", "Linux 6.1 amd64"));

  private static Measurement time(String benchmark, String param, double score, double error) {
    String[] nameValue = param.split("=");
    return new Measurement(benchmark, Map.of(nameValue[0], nameValue[1]), "avgt", score, error,
        "ns/op");
  }

  private static Comparison fasterBy(double times) {
    return new Comparison("Round trip, 2 lanes",
        BenchmarkRef.of("Trip.ours", "lanes=2"), BenchmarkRef.of("Trip.theirs", "tasks=2"),
        Target.faster(times));
  }

  @Test
  void timeRatiosAreBaselineOverOursWithTheirErrorRange() {
    ResultsTable table = ResultsTable.evaluate(List.of(fasterBy(5)), List.of(
        time("Trip.ours", "lanes=2", 100, 10), time("Trip.theirs", "tasks=2", 1000, 100)));
    ResultsTable.Row row = table.rows().getFirst();
    assertEquals(10, row.ratio(), 1e-9);
    assertEquals(900.0 / 110, row.low(), 1e-9);
    assertEquals(1100.0 / 90, row.high(), 1e-9);
    assertEquals("baseline/ours", row.ratioOf());
    assertEquals("10.0x faster", row.reads());
    assertEquals("8.18x to 12.2x faster", row.range());
    assertEquals(ResultsTable.Verdict.MET, row.verdict());
  }

  @Test
  void throughputRatiosAreOursOverBaseline() {
    Comparison comparison = new Comparison("reads", BenchmarkRef.of("View.get"),
        BenchmarkRef.of("Arrays.get"), Target.faster(2));
    ResultsTable table = ResultsTable.evaluate(List.of(comparison), List.of(
        new Measurement("View.get", Map.of(), "thrpt", 30, 1, "ops/us"),
        new Measurement("Arrays.get", Map.of(), "thrpt", 10, 1, "ops/us")));
    ResultsTable.Row row = table.rows().getFirst();
    assertEquals("ours/baseline", row.ratioOf());
    assertEquals(3, row.ratio(), 1e-9);
    assertEquals(ResultsTable.Verdict.MET, row.verdict());
  }

  @Test
  void verdictsSayWhenTheErrorRangeStraddlesTheTarget() {
    assertEquals(ResultsTable.Verdict.MET_WITHIN_ERROR, verdict(5, 100, 20, 550, 10));
    assertEquals(ResultsTable.Verdict.MISSED_WITHIN_ERROR, verdict(5, 100, 20, 450, 10));
    assertEquals(ResultsTable.Verdict.MISSED, verdict(5, 100, 1, 300, 1));
  }

  private static ResultsTable.Verdict verdict(
      double target, double ours, double oursError, double baseline, double baselineError) {
    return ResultsTable.evaluate(List.of(fasterBy(target)), List.of(
            time("Trip.ours", "lanes=2", ours, oursError),
            time("Trip.theirs", "tasks=2", baseline, baselineError)))
        .rows().getFirst().verdict();
  }

  @Test
  void slowerReadsAsSlowerAndRunsWithoutErrorsHaveNoRange() {
    Comparison comparison = new Comparison("launch", BenchmarkRef.of("Trip.ours", "lanes=2"),
        BenchmarkRef.of("Trip.theirs", "tasks=2"), Target.faster());
    ResultsTable.Row row = ResultsTable.evaluate(List.of(comparison), List.of(
            time("Trip.ours", "lanes=2", 200, Double.NaN),
            time("Trip.theirs", "tasks=2", 100, Double.NaN)))
        .rows().getFirst();
    assertEquals("2.00x slower", row.reads());
    assertEquals("n/a", row.range());
    assertEquals(ResultsTable.Verdict.NO_TARGET, row.verdict());
  }

  @Test
  void aTargetBelowOneAllowsOursToBeWorseByAtMostItsInverse() {
    Comparison comparison = new Comparison("view", BenchmarkRef.of("View.get"),
        BenchmarkRef.of("Segment.get"), Target.atMostCostlier(1.05));
    assertEquals("<= 1.05x costlier", comparison.target().describe());
    assertEquals(">= 1x faster", Target.atMostSlower(1).describe());
    assertEquals(ResultsTable.Verdict.MET, costlierVerdict(comparison, 1.04));
    assertEquals(ResultsTable.Verdict.MISSED, costlierVerdict(comparison, 1.06));
  }

  private static ResultsTable.Verdict costlierVerdict(Comparison comparison, double times) {
    ResultsTable.Row row = ResultsTable.evaluate(List.of(comparison), List.of(
            new Measurement("View.get", Map.of(), "avgt", times, 0, "ns/op"),
            new Measurement("Segment.get", Map.of(), "avgt", 1, 0, "ns/op")))
        .rows().getFirst();
    assertEquals(Numbers.format(times) + "x costlier", row.reads());
    return row.verdict();
  }

  @Test
  void comparisonsWithASideMissingAreListedAsNotRun() {
    ResultsTable table = ResultsTable.evaluate(List.of(fasterBy(5)), List.of(
        time("Trip.ours", "lanes=2", 100, 10), time("Trip.theirs", "tasks=1", 1000, 100)));
    assertTrue(table.rows().isEmpty());
    assertEquals(List.of(fasterBy(5)), table.notRun());
    assertTrue(table.markdown(RUN).contains("Not run:\n\n- Round trip, 2 lanes"));
  }

  @Test
  void unitsThatDifferAreNotCompared() {
    ResultsTable.Row row = ResultsTable.evaluate(List.of(fasterBy(5)), List.of(
            time("Trip.ours", "lanes=2", 100, 10),
            new Measurement("Trip.theirs", Map.of("tasks", "2"), "avgt", 1, 0.1, "us/op")))
        .rows().getFirst();
    assertEquals(ResultsTable.Verdict.UNITS_DIFFER, row.verdict());
  }

  @Test
  void markdownNamesBothSidesTheRunTheJdkAndTheMachine() {
    String md = ResultsTable.evaluate(List.of(fasterBy(5)), List.of(
            time("Trip.ours", "lanes=2", 412.3, 30.06), time("Trip.theirs", "tasks=2", 5123, 301)))
        .markdown(RUN);
    assertTrue(md.contains("| Round trip, 2 lanes | `Trip.ours lanes=2`: 412 ± 30 ns/op"
        + " | `Trip.theirs tasks=2`: 5,123 ± 301 ns/op | 12.4x faster | 10.9x to 14.2x faster"
        + " | >= 5x faster | met |"), md);
    assertTrue(md.contains("- JDK: 25.0.1, OpenJDK 64-Bit Server VM 25.0.1+8-LTS (/jdk)"), md);
    assertTrue(md.contains("- Machine: 2 cores, Some CPU @ 2.00GHz; Linux 6.1 amd64"), md);
    assertTrue(md.contains("took 2 min 31 s"), md);
    assertTrue(md.contains("| `Trip.theirs tasks=2` | avgt | 5,123 | 301 | ns/op |"), md);
  }

  @Test
  void jsonHoldsTheRowsAndWritesMissingErrorsAsNull() {
    String json = ResultsTable.evaluate(List.of(fasterBy(5)), List.of(
            time("Trip.ours", "lanes=2", 100, Double.NaN),
            time("Trip.theirs", "tasks=2", 1000, Double.NaN)))
        .json(RUN);
    assertTrue(json.contains("\"ratioOf\": \"baseline/ours\""), json);
    assertTrue(json.contains("\"ratio\": 10.0"), json);
    assertTrue(json.contains("\"ratioLow\": null"), json);
    assertTrue(json.contains("\"verdict\": \"met\""), json);
    assertTrue(json.contains("\"cpu\": \"Some CPU @ 2.00GHz\""), json);
    assertTrue(json.contains("\"version\": \"25.0.1\""), json);
  }

  @Test
  void jsonEscapesStringsAndIndents() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("a\"b", "line\nnext\\");
    document.put("n", Arrays.asList(1, Double.NaN, null, List.of(), Map.of()));
    assertEquals("""
        {
          "a\\"b": "line\\nnext\\\\",
          "n": [
            1,
            null,
            null,
            [],
            {}
          ]
        }
        """, Json.write(document));
  }

  @Test
  void numbersKeepThreeSignificantDigits() {
    assertEquals("51,234", Numbers.format(51234.4));
    assertEquals("412", Numbers.format(412.3));
    assertEquals("5.43", Numbers.format(5.432));
    assertEquals("0.0123", Numbers.format(0.01234));
    assertEquals("n/a", Numbers.format(Double.NaN));
  }

  @Test
  void cpuModelComesFromProcCpuinfo() {
    assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", Machine.cpuModel(List.of(
        "processor\t: 0", "vendor_id\t: GenuineIntel",
        "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz", "model name\t: other")).orElseThrow());
    assertTrue(Machine.cpuModel(List.of("processor\t: 0")).isEmpty());
  }
}
