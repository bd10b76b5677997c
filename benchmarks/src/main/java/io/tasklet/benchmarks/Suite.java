package io.tasklet.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * Runs the benchmarks, then compares each benchmark of ours with its baseline ({@link
 * Comparisons}) and writes the results.
 *
 * <p>Usage: {@code java -jar tasklet-benchmarks.jar [--quick] [--plan] [--results DIR] [JMH options]
 * [benchmark regex...]}. The suite's settings (forks, warm-up and measurement iterations and
 * their times) apply to every benchmark unless given as JMH options, with one exception: in a full
 * run, what a benchmark sets for itself with {@code @Fork}, {@code @Warmup} or {@code
 * @Measurement} stands, for benchmarks whose operations are too long for the suite's settings
 * ({@link ProcessorCompile}). Benchmarks with settings of their own run as a JMH run of their own.
 * It writes into the results directory:
 *
 * <ul>
 *   <li>{@code jmh-result.json}: JMH's own results ({@code -rf json});
 *   <li>{@code jmh-output.log}: what JMH printed;
 *   <li>{@code results.md} and {@code results.json}: the comparisons and every score, with the
 *       JDK and the machine.
 * </ul>
 *
 * <p>Exits with 1 when a benchmark failed (the results of the others are still written), 2 on
 * bad arguments.
 */
public final class Suite {
  private static final String PACKAGE = Suite.class.getPackageName() + ".";
  private static final String QUIET_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

  /**
   * Forks and iterations of every benchmark.
   *
   * @param name how the suite announces it
   * @param benchmarksMaySetTheirOwn whether a benchmark's own {@code @Fork}, {@code @Warmup} and
   *     {@code @Measurement} win over these settings
   */
  record Settings(
      String name, int forks, int warmups, TimeValue warmupTime, int iterations,
      TimeValue iterationTime, boolean benchmarksMaySetTheirOwn) {
    /** The default: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement, unless a benchmark says more. */
    static final Settings FULL =
        new Settings("full", 1, 3, TimeValue.seconds(1), 5, TimeValue.seconds(1), true);

    /** {@code --quick}: a smoke run that checks every benchmark works; its errors are n/a. */
    static final Settings QUICK =
        new Settings("quick", 1, 1, TimeValue.seconds(1), 1, TimeValue.seconds(1), false);

    /** What {@code benchmark} sets for itself that these settings leave to it. */
    OwnSettings ownOf(BenchmarkListEntry benchmark) {
      if (!benchmarksMaySetTheirOwn) {
        return OwnSettings.NONE;
      }
      return new OwnSettings(
          optional(benchmark.getForks()),
          optional(benchmark.getWarmupIterations()),
          optional(benchmark.getWarmupTime()),
          optional(benchmark.getMeasurementIterations()),
          optional(benchmark.getMeasurementTime()));
    }

    /**
     * {@code jmh} options, with these settings wherever they and {@code own} leave one unset, and
     * without the benchmarks {@code excluded}.
     */
    Options over(Options jmh, OwnSettings own, List<String> excluded, Path rawResults) {
      ChainedOptionsBuilder options = new OptionsBuilder().parent(jmh);
      if (!jmh.getForkCount().hasValue() && own.forks().isEmpty()) {
        options.forks(forks);
      }
      if (!jmh.getWarmupIterations().hasValue() && own.warmups().isEmpty()) {
        options.warmupIterations(warmups);
      }
      if (!jmh.getWarmupTime().hasValue() && own.warmupTime().isEmpty()) {
        options.warmupTime(warmupTime);
      }
      if (!jmh.getMeasurementIterations().hasValue() && own.iterations().isEmpty()) {
        options.measurementIterations(iterations);
      }
      if (!jmh.getMeasurementTime().hasValue() && own.iterationTime().isEmpty()) {
        options.measurementTime(iterationTime);
      }
      if (!jmh.getJvmArgsPrepend().hasValue()) {
        // JMH 1.37 calls sun.misc.Unsafe, which JDK 24+ warns about once in every fork.
        options.jvmArgsPrepend(QUIET_UNSAFE);
      }
      for (String benchmark : excluded) {
        options.exclude("^" + Pattern.quote(benchmark) + "$");
      }
      return options.resultFormat(ResultFormatType.JSON).result(rawResults.toString()).build();
    }

    private static <T> Optional<T> optional(org.openjdk.jmh.util.Optional<T> jmh) {
      return jmh.hasValue() ? Optional.of(jmh.get()) : Optional.empty();
    }
  }

  /**
   * Forks, iterations and times that a benchmark sets for itself and that the suite leaves to it.
   */
  record OwnSettings(
      Optional<Integer> forks, Optional<Integer> warmups, Optional<TimeValue> warmupTime,
      Optional<Integer> iterations, Optional<TimeValue> iterationTime) {
    static final OwnSettings NONE = new OwnSettings(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Benchmarks that run with the same options, in one JMH run.
   *
   * @param options the options of the run
   * @param benchmarks the benchmarks it runs
   * @param own whether they run with settings of their own
   * @param names the benchmarks it runs, each class named alone when the batch runs all of its
   *     benchmarks and with the method otherwise ({@code LaneRoundTrip.tasklet}), sorted
   */
  record Batch(Options options, List<BenchmarkListEntry> benchmarks, boolean own, String names) {
    /** The batches that run {@code benchmarks} with {@code settings} over {@code jmh}. */
    static List<Batch> of(
        Settings settings, Options jmh, Collection<BenchmarkListEntry> benchmarks,
        Path rawResults) {
      Map<OwnSettings, List<BenchmarkListEntry>> groups = new LinkedHashMap<>();
      for (BenchmarkListEntry benchmark : benchmarks) {
        groups.computeIfAbsent(settings.ownOf(benchmark), own -> new ArrayList<>()).add(benchmark);
      }
      List<Batch> batches = new ArrayList<>();
      for (Map.Entry<OwnSettings, List<BenchmarkListEntry>> group : groups.entrySet()) {
        List<String> excluded = groups.size() == 1 ? List.of() : benchmarks.stream()
            .filter(benchmark -> !group.getValue().contains(benchmark))
            .map(BenchmarkListEntry::getUsername)
            .distinct()
            .toList();
        batches.add(new Batch(settings.over(jmh, group.getKey(), excluded, rawResults),
            List.copyOf(group.getValue()), !group.getKey().equals(OwnSettings.NONE),
            names(group.getValue(), benchmarks)));
      }
      return batches;
    }

    /** Forks and iterations of the batch; for settings of their own, whose they are. */
    String describe() {
      String described = Suite.describe(options, benchmarks.getFirst());
      if (!own) {
        return described;
      }
      return names + ": " + described;
    }

    private static String names(
        List<BenchmarkListEntry> batch, Collection<BenchmarkListEntry> all) {
      Map<String, Long> ofClass = perClass(all);
      Map<String, Long> ofClassInBatch = perClass(batch);
      return batch.stream()
          .map(benchmark -> {
            String className = benchmark.getUserClassQName();
            boolean wholeClass = ofClassInBatch.get(className).equals(ofClass.get(className));
            return (wholeClass ? className : benchmark.getUsername()).substring(PACKAGE.length());
          })
          .distinct()
          .sorted()
          .collect(Collectors.joining(", "));
    }

    /** How many of {@code benchmarks} each class has. */
    private static Map<String, Long> perClass(Collection<BenchmarkListEntry> benchmarks) {
      return benchmarks.stream().collect(
          Collectors.groupingBy(BenchmarkListEntry::getUserClassQName, Collectors.counting()));
    }
  }

  private Suite() {}

  public static void main(String[] args) throws IOException, RunnerException {
    System.exit(run(args));
  }

  private static int run(String[] args) throws IOException, RunnerException {
    Settings settings = Settings.FULL;
    boolean planOnly = false;
    Path resultsDir = Path.of("results");
    List<String> jmhArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> settings = Settings.QUICK;
        case "--plan" -> planOnly = true;
        case "--results" -> {
          if (i + 1 == args.length) {
            System.err.println("--results needs a directory");
            return 2;
          }
          resultsDir = Path.of(args[++i]);
        }
        case "--help" -> {
          usage();
          return 0;
        }
        default -> jmhArgs.add(args[i]);
      }
    }

    CommandLineOptions jmh;
    try {
      jmh = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      System.err.println("Bad JMH option: " + e.getMessage());
      usage();
      return 2;
    }
    if (jmh.shouldHelp()) {
      usage();
      jmh.showHelp();
      return 0;
    }
    if (jmh.shouldList() || jmh.shouldListWithParams()) {
      Runner runner = new Runner(jmh);
      if (jmh.shouldListWithParams()) {
        runner.listWithParams(jmh);
      } else {
        runner.list();
      }
      return 0;
    }
    if (jmh.shouldListProfilers()) {
      jmh.listProfilers();
      return 0;
    }
    if (jmh.shouldListResultFormats()) {
      jmh.listResultFormats();
      return 0;
    }

    Path rawResults = resultsDir.resolve("jmh-result.json");
    VerboseMode verbosity = jmh.verbosity().orElse(VerboseMode.NORMAL);
    OutputFormat console = OutputFormatFactory.createFormatInstance(System.out, verbosity);
    List<String> includes = jmh.getIncludes().isEmpty() ? List.of(".*") : jmh.getIncludes();
    SortedSet<BenchmarkListEntry> benchmarks =
        BenchmarkList.defaultList().find(console, includes, jmh.getExcludes());
    List<Batch> batches = Batch.of(settings, jmh, benchmarks, rawResults);
    RunPlan plan = RunPlan.NONE;
    for (Batch batch : batches) {
      plan = plan.plus(RunPlan.of(batch.options(), batch.benchmarks()));
    }
    if (plan.runs() == 0) {
      System.err.println("No benchmark matches " + includes + "; list them with -l.");
      return 2;
    }
    String described = batches.stream().map(Batch::describe).collect(Collectors.joining("; "));
    System.out.printf("%d benchmark runs (%s settings: %s each): about %s.%n",
        plan.runs(), settings.name(), described, ResultsTable.describe(plan.estimate()));
    if (planOnly) {
      for (BenchmarkListEntry benchmark : benchmarks) {
        System.out.println("  " + benchmark.getUsername().substring(PACKAGE.length()));
      }
      return 0;
    }
    Files.createDirectories(resultsDir);
    System.out.println("Results go to " + resultsDir.toAbsolutePath().normalize());

    Instant started = Instant.now();
    List<RunResult> results = new ArrayList<>();
    try (OutputStream log = Files.newOutputStream(resultsDir.resolve("jmh-output.log"));
        PrintStream both = new PrintStream(new Tee(System.out, log), true, StandardCharsets.UTF_8)) {
      OutputFormat format = OutputFormatFactory.createFormatInstance(both, verbosity);
      for (Batch batch : batches) {
        results.addAll(new Runner(batch.options(), format).run());
      }
    }
    if (batches.size() > 1) {
      // Each run wrote only its own results there.
      ResultFormatFactory.getInstance(ResultFormatType.JSON, rawResults.toString())
          .writeOut(results);
    }
    Duration took = Duration.between(started, Instant.now());

    List<Measurement> measurements = results.stream().map(Measurement::of).toList();
    ResultsTable table = ResultsTable.evaluate(Comparisons.ALL, measurements);
    RunInfo info = new RunInfo(started, took, jdk(results), Version.getPlainVersion(), described,
        List.of(args), Machine.current());
    String markdown = table.markdown(info);
    Files.writeString(resultsDir.resolve("results.md"), markdown);
    Files.writeString(resultsDir.resolve("results.json"), table.json(info));

    System.out.println();
    System.out.print(markdown);
    System.out.println();
    System.out.printf("Took %s (estimated %s). Wrote results.md, results.json, jmh-result.json and"
        + " jmh-output.log to %s%n", ResultsTable.describe(took),
        ResultsTable.describe(plan.estimate()), resultsDir);
    if (measurements.size() < plan.runs()) {
      System.err.printf("%d of %d benchmark runs failed or produced no result; see"
          + " jmh-output.log.%n", plan.runs() - measurements.size(), plan.runs());
      return 1;
    }
    return 0;
  }

  /** Forks and iterations of {@code benchmark} with {@code options}. */
  static String describe(Options options, BenchmarkListEntry benchmark) {
    int forks = options.getForkCount().orAnother(benchmark.getForks()).orElse(1);
    return forks + (forks == 1 ? " fork, " : " forks, ")
        + options.getWarmupIterations().orAnother(benchmark.getWarmupIterations()).orElse(0)
        + " x " + options.getWarmupTime().orAnother(benchmark.getWarmupTime()).orElse(null)
        + " warm-up, "
        + options.getMeasurementIterations().orAnother(benchmark.getMeasurementIterations())
            .orElse(0)
        + " x " + options.getMeasurementTime().orAnother(benchmark.getMeasurementTime())
            .orElse(null)
        + " measurement";
  }

  /** The JDK the benchmarks' forks ran on, as JMH reports it, or this JVM's. */
  private static RunInfo.Jdk jdk(Collection<RunResult> results) {
    return results.stream().findFirst()
        .map(result -> result.getParams())
        .map(params -> new RunInfo.Jdk(params.getJdkVersion(), params.getVmName(),
            params.getVmVersion(), params.getJvm()))
        .orElseGet(RunInfo.Jdk::current);
  }

  private static void usage() {
    System.out.println("""
        Usage: run-benchmarks [--quick] [--plan] [--results DIR] [JMH options] [benchmark regex...]

          --quick          a smoke run: 1 fork, 1 x 1 s warm-up, 1 x 1 s measurement
                           (default: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement, or
                           what a benchmark sets with @Fork, @Warmup and @Measurement)
          --results DIR    where to write the results (default: ./results)
          --plan           say what would run and how long it would take, and stop
          -h               JMH's options, which override the settings above
          -l               list the benchmarks

        Examples: run-benchmarks --quick LaneRoundTrip
                  run-benchmarks -p lanes=2 'FuelCheckpoint'
        """);
  }

  /** Writes everything to two streams: the console and the log. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      second.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
