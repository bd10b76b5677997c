package io.tasklet.benchmarks;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The comparisons of one run, evaluated against its measurements, written as Markdown for people
 * and as JSON for tools.
 *
 * <p>The ratio of a row is how many times better ours is than the baseline: baseline score over
 * our score for times per operation, our score over the baseline's for throughputs. Its range
 * takes both scores to the ends of the 99.9% confidence intervals JMH reports as their error.
 */
public final class ResultsTable {
  /** How a row stands against its target. */
  public enum Verdict {
    MET("met"),
    MET_WITHIN_ERROR("met, but the error range reaches below the target"),
    MISSED_WITHIN_ERROR("missed, but the error range reaches the target"),
    MISSED("missed"),
    NO_TARGET("-"),
    UNITS_DIFFER("cannot compare: the two sides report different units");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    /** The verdict as the Markdown table shows it. */
    public String text() {
      return text;
    }
  }

  /**
   * One evaluated comparison.
   *
   * @param comparison the comparison
   * @param ours our side's measurement
   * @param baseline the baseline's measurement
   * @param ratio how many times better ours is; NaN if the units differ
   * @param low the smallest ratio within both errors; NaN without error estimates
   * @param high the largest ratio within both errors; NaN without error estimates
   * @param verdict how the ratio stands against the target
   */
  public record Row(
      Comparison comparison, Measurement ours, Measurement baseline, double ratio, double low,
      double high, Verdict verdict) {

    static Row of(Comparison comparison, Measurement ours, Measurement baseline) {
      if (!ours.unit().equals(baseline.unit())) {
        return new Row(comparison, ours, baseline, Double.NaN, Double.NaN, Double.NaN,
            Verdict.UNITS_DIFFER);
      }
      Measurement over = ours.lowerIsBetter() ? baseline : ours;
      Measurement under = ours.lowerIsBetter() ? ours : baseline;
      double ratio = over.score() / under.score();
      double low = Math.max(0, (over.score() - over.error()) / (under.score() + under.error()));
      double high = under.score() - under.error() > 0
          ? (over.score() + over.error()) / (under.score() - under.error())
          : Double.POSITIVE_INFINITY;
      if (Double.isNaN(over.error()) || Double.isNaN(under.error())) {
        low = Double.NaN;
        high = Double.NaN;
      }
      return new Row(comparison, ours, baseline, ratio, low, high,
          verdict(comparison.target(), ratio, low, high));
    }

    private static Verdict verdict(Target target, double ratio, double low, double high) {
      if (!target.isSet()) {
        return Verdict.NO_TARGET;
      }
      double goal = target.atLeast();
      if (ratio >= goal) {
        return low < goal ? Verdict.MET_WITHIN_ERROR : Verdict.MET;
      }
      return high >= goal ? Verdict.MISSED_WITHIN_ERROR : Verdict.MISSED;
    }

    /** Which scores the ratio divides: {@code baseline/ours} or {@code ours/baseline}. */
    public String ratioOf() {
      return ours.lowerIsBetter() ? "baseline/ours" : "ours/baseline";
    }

    /** The ratio as it reads: {@code 12.4x faster}, or {@code 2.00x slower} below 1. */
    public String reads() {
      Target target = comparison.target();
      if (Double.isNaN(ratio)) {
        return "n/a";
      }
      return ratio >= 1
          ? Numbers.format(ratio) + "x " + target.better()
          : Numbers.format(1 / ratio) + "x " + target.worse();
    }

    /** The ratio's range in the same words as {@link #reads}: {@code 10.9x to 14.1x faster}. */
    public String range() {
      if (Double.isNaN(ratio) || Double.isNaN(low)) {
        return "n/a";
      }
      Target target = comparison.target();
      return ratio >= 1
          ? Numbers.format(low) + "x to " + Numbers.format(high) + "x " + target.better()
          : Numbers.format(1 / high) + "x to " + Numbers.format(1 / low) + "x " + target.worse();
    }
  }

  private final List<Row> rows;
  private final List<Comparison> notRun;
  private final List<Measurement> measurements;

  private ResultsTable(List<Row> rows, List<Comparison> notRun, List<Measurement> measurements) {
    this.rows = List.copyOf(rows);
    this.notRun = List.copyOf(notRun);
    this.measurements = List.copyOf(measurements);
  }

  /** Evaluates {@code comparisons}; those with a side missing from {@code measurements} did not run. */
  public static ResultsTable evaluate(List<Comparison> comparisons, List<Measurement> measurements) {
    List<Row> rows = new ArrayList<>();
    List<Comparison> notRun = new ArrayList<>();
    for (Comparison comparison : comparisons) {
      Optional<Measurement> ours = find(comparison.ours(), measurements);
      Optional<Measurement> baseline = find(comparison.baseline(), measurements);
      if (ours.isPresent() && baseline.isPresent()) {
        rows.add(Row.of(comparison, ours.get(), baseline.get()));
      } else {
        notRun.add(comparison);
      }
    }
    return new ResultsTable(rows, notRun, measurements);
  }

  private static Optional<Measurement> find(BenchmarkRef ref, List<Measurement> measurements) {
    return measurements.stream().filter(ref::matches).findFirst();
  }

  /** The comparisons whose both sides ran, in the order given. */
  public List<Row> rows() {
    return rows;
  }

  /** The comparisons with a side that did not run. */
  public List<Comparison> notRun() {
    return notRun;
  }

  /** The results as a Markdown page. */
  public String markdown(RunInfo run) {
    StringBuilder md = new StringBuilder();
    md.append("# Tasklet benchmark results\n\n");
    md.append("- Run: ").append(run.started().truncatedTo(ChronoUnit.SECONDS))
        .append(", took ").append(describe(run.took())).append('\n');
    md.append("- JDK: ").append(run.jdk().version()).append(", ").append(run.jdk().vmName())
        .append(' ').append(run.jdk().vmVersion()).append(" (").append(run.jdk().home())
        .append(")\n");
    md.append("- JMH ").append(run.jmhVersion()).append(": ").append(run.settings())
        .append(" per benchmark\n");
    md.append("- Machine: ").append(run.machine().cores()).append(" cores, ")
        .append(run.machine().cpu()).append("; ").append(run.machine().os()).append('\n');
    md.append("- Arguments: ")
        .append(run.arguments().isEmpty() ? "none" : "`" + String.join(" ", run.arguments()) + "`")
        .append("\n\n");

    md.append("## Comparisons\n\n");
    if (rows.isEmpty()) {
      md.append("No comparison had both of its sides run.\n");
    } else {
      md.append("| comparison | ours | baseline | ours vs baseline | range from error | target"
          + " | verdict |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (Row row : rows) {
        md.append("| ").append(cell(row.comparison().name()))
            .append(" | ").append(side(row.ours()))
            .append(" | ").append(side(row.baseline()))
            .append(" | ").append(row.reads())
            .append(" | ").append(row.range())
            .append(" | ").append(cell(row.comparison().target().describe()))
            .append(" | ").append(cell(row.verdict().text()))
            .append(" |\n");
      }
      md.append("\nRatio: baseline score / our score for times per operation (our score /"
          + " baseline for throughputs). Range: the ratio with both scores at the ends of the 99.9%"
          + " confidence intervals JMH reports as their error; n/a when a benchmark ran too few"
          + " iterations to have one.\n");
    }
    if (!notRun.isEmpty()) {
      md.append("\nNot run:\n\n");
      for (Comparison comparison : notRun) {
        md.append("- ").append(comparison.name()).append(" (`").append(comparison.ours())
            .append("` vs `").append(comparison.baseline()).append("`)\n");
      }
    }

    md.append("\n## All benchmarks\n\n");
    md.append("| benchmark | mode | score | error | unit |\n");
    md.append("|---|---|---:|---:|---|\n");
    for (Measurement m : measurements) {
      int decimals = Numbers.decimals(m.score());
      md.append("| `").append(m.label()).append("` | ").append(m.mode())
          .append(" | ").append(Numbers.format(m.score(), decimals))
          .append(" | ").append(Numbers.format(m.error(), decimals))
          .append(" | ").append(m.unit()).append(" |\n");
    }
    return md.toString();
  }

  /** The results as a JSON document. */
  public String json(RunInfo run) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("started", run.started().toString());
    root.put("tookSeconds", run.took().toMillis() / 1000.0);
    root.put("jdk", map(
        "version", run.jdk().version(),
        "vmName", run.jdk().vmName(),
        "vmVersion", run.jdk().vmVersion(),
        "home", run.jdk().home()));
    root.put("jmh", map(
        "version", run.jmhVersion(),
        "settings", run.settings(),
        "arguments", run.arguments()));
    root.put("machine", map(
        "cores", run.machine().cores(),
        "cpu", run.machine().cpu(),
        "os", run.machine().os()));
    List<Object> comparisons = new ArrayList<>();
    for (Row row : rows) {
      Target target = row.comparison().target();
      comparisons.add(map(
          "name", row.comparison().name(),
          "ours", json(row.ours()),
          "baseline", json(row.baseline()),
          "ratioOf", row.ratioOf(),
          "ratio", row.ratio(),
          "ratioLow", row.low(),
          "ratioHigh", row.high(),
          "reads", row.reads(),
          "target", map("atLeast", target.atLeast(), "better", target.better(),
              "description", target.describe()),
          "verdict", row.verdict().name().toLowerCase(Locale.ROOT)));
    }
    root.put("comparisons", comparisons);
    List<Object> notRunJson = new ArrayList<>();
    for (Comparison comparison : notRun) {
      notRunJson.add(map(
          "name", comparison.name(),
          "ours", comparison.ours().toString(),
          "baseline", comparison.baseline().toString()));
    }
    root.put("notRun", notRunJson);
    root.put("benchmarks", measurements.stream().map(ResultsTable::json).toList());
    return Json.write(root);
  }

  private static Map<String, Object> json(Measurement m) {
    return map(
        "benchmark", m.benchmark(),
        "params", m.params(),
        "mode", m.mode(),
        "score", m.score(),
        "error", m.error(),
        "unit", m.unit());
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String side(Measurement m) {
    int decimals = Numbers.decimals(m.score());
    return "`" + m.label() + "`: " + Numbers.format(m.score(), decimals) + " ± "
        + Numbers.format(m.error(), decimals) + " " + m.unit();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** {@code duration} as {@code 2 min 31 s} or {@code 45 s}. */
  static String describe(Duration duration) {
    long seconds = Math.round(duration.toMillis() / 1000.0);
    return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
  }
}
