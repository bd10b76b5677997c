package io.tasklet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Every row of the suite names benchmarks that exist, with parameter values they run with. */
class ComparisonsTest {
  private static final List<BenchmarkListEntry> BENCHMARKS = List.copyOf(
      BenchmarkList.defaultList().find(
          OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
          List.of(".*"), List.of()));

  @Test
  void everySideOfEveryComparisonIsABenchmarkWithThoseParameters() {
    assertTrue(!BENCHMARKS.isEmpty(), "no META-INF/BenchmarkList on the class path");
    for (Comparison comparison : Comparisons.ALL) {
      check(comparison, comparison.ours());
      check(comparison, comparison.baseline());
    }
  }

  @Test
  void everyBenchmarkIsASideOfAComparison() {
    for (BenchmarkListEntry benchmark : BENCHMARKS) {
      String name = benchmark.getUsername().substring(
          Comparisons.class.getPackageName().length() + 1);
      assertTrue(Comparisons.ALL.stream().anyMatch(comparison ->
              comparison.ours().benchmark().equals(name)
                  || comparison.baseline().benchmark().equals(name)),
          name + " is in no row of Comparisons.ALL, so no result shows it against a baseline");
    }
  }

  private static void check(Comparison comparison, BenchmarkRef side) {
    String qualified = Comparisons.class.getPackageName() + "." + side.benchmark();
    BenchmarkListEntry benchmark = BENCHMARKS.stream()
        .filter(entry -> entry.getUsername().equals(qualified))
        .findFirst()
        .orElseGet(() -> fail("'" + comparison.name() + "' names " + side.benchmark()
            + ", which is not a benchmark"));
    Map<String, String[]> params = benchmark.getParams().orElse(Map.of());
    side.params().forEach((name, value) -> {
      String[] values = params.get(name);
      if (values == null || !Arrays.asList(values).contains(value)) {
        fail("'" + comparison.name() + "' wants " + name + "=" + value + " of "
            + side.benchmark() + ", which runs with " + name + " in "
            + (values == null ? "none" : Arrays.toString(values)));
      }
    });
  }
}
