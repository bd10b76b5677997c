package io.tasklet.benchmarks;

import io.tasklet.processor.LocalDeclarationsProcessor;
import io.tasklet.processor.TaskletProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the processor adds to a build: javac compiling {@value #RECORDS} annotated records and
 * {@value #COORDINATORS} coordinators with the processor (which also writes, and javac compiles, a
 * view per record and a launcher per coordinator), against javac compiling the same
 * project written without Tasklet ({@link SyntheticProject}) and without processing. One
 * operation is one whole compilation, from sources in memory to class files in memory. A third
 * benchmark splits the difference: javac compiling the annotated project together with the
 * sources the processor generates for it, given as plain sources, without processing. What it
 * takes over the plain project is javac's work on the generated code; what the processor's run
 * takes over it is the processing itself (the checks, writing the sources, and the extra rounds).
 *
 * <p>javac runs in the benchmark's JVM, with one file manager kept across compilations, so what is
 * measured is the compilation itself rather than starting a JVM or opening jars. The class path is
 * the JVM's own, which in the benchmarks' jar is that jar: it holds the annotations, the runtime
 * and the processor. The setup compiles each project once and checks that javac reported neither
 * an error nor a warning, and wrote every class it should.
 *
 * <p>A compilation with the processor takes most of a second on 2 cores and javac warms up over
 * about ten of them, too slowly for the suite's 1 s iterations. The class therefore sets its own
 * forks and iterations, which a full run of the suite keeps: forks because javac's JIT warm-up
 * varies from one JVM to the next, 4 s iterations so that each holds several compilations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
public class ProcessorCompile {
  /** Records in each project. */
  static final int RECORDS = 200;

  /** Coordinators in each project. */
  static final int COORDINATORS = 50;

  private static final List<String> OPTIONS = List.of();
  /** The processors as the processor path gives them to javac, new for each compilation. */
  private static final Supplier<List<Processor>> PROCESSORS =
      () -> List.of(new LocalDeclarationsProcessor(), new TaskletProcessor());

  /** The compiler and one of the projects. */
  @State(Scope.Benchmark)
  public abstract static class Project {
    InMemoryJavac javac;
    List<SyntheticProject.Source> sources;

    @Setup
    public void start() {
      javac = new InMemoryJavac(InMemoryJavac.classPathOfThisJvm());
      sources = sources();
      check(compile().checkClean(getClass().getSimpleName() + " project"));
    }

    abstract List<SyntheticProject.Source> sources();

    abstract InMemoryJavac.Result compile();

    abstract void check(InMemoryJavac.Result result);

    @TearDown
    public void stop() {
      javac.close();
    }
  }

  /** The project as a Tasklet user writes it, compiled with the processor. */
  @State(Scope.Benchmark)
  public static class Annotated extends Project {
    @Override
    List<SyntheticProject.Source> sources() {
      return SyntheticProject.annotated(RECORDS, COORDINATORS);
    }

    @Override
    InMemoryJavac.Result compile() {
      return javac.compile(sources, PROCESSORS.get(), OPTIONS);
    }

    @Override
    void check(InMemoryJavac.Result result) {
      for (SyntheticProject.Source source : sources) {
        String name = source.qualifiedName();
        if (source.className().startsWith("Job")) {
          expect(result.classes(), name + "RunTasklet", "launcher");
        } else {
          expect(result.classes(), name + "View", "view");
        }
        expect(result.classes(), name, "class");
      }
    }
  }

  /** The same project without Tasklet's annotations, compiled without processing. */
  @State(Scope.Benchmark)
  public static class Plain extends Project {
    @Override
    List<SyntheticProject.Source> sources() {
      return SyntheticProject.plain(RECORDS, COORDINATORS);
    }

    @Override
    InMemoryJavac.Result compile() {
      return javac.compile(sources, List.of(), OPTIONS);
    }

    @Override
    void check(InMemoryJavac.Result result) {
      for (SyntheticProject.Source source : sources) {
        expect(result.classes(), source.qualifiedName(), "class");
      }
    }
  }

  /**
   * The annotated project together with the sources the processor generates for it, all given to
   * javac as sources and compiled without processing: javac's share of what the processor adds.
   */
  @State(Scope.Benchmark)
  public static class Pregenerated extends Plain {
    @Override
    List<SyntheticProject.Source> sources() {
      List<SyntheticProject.Source> annotated =
          SyntheticProject.annotated(RECORDS, COORDINATORS);
      InMemoryJavac.Result processed = javac.compile(annotated, PROCESSORS.get(),
          OPTIONS).checkClean("the annotated project");
      List<SyntheticProject.Source> all = new ArrayList<>(annotated);
      processed.generatedSources().forEach(
          (name, text) -> all.add(SyntheticProject.Source.named(name, text)));
      return all;
    }

    @Override
    void check(InMemoryJavac.Result result) {
      super.check(result);
      if (sources.size() != RECORDS * 2 + COORDINATORS * 2) {
        throw new IllegalStateException("expected a view per record and a launcher"
            + " per coordinator besides the project's " + (RECORDS + COORDINATORS) + " sources,"
            + " found " + sources.size() + " sources in all");
      }
    }
  }

  @Benchmark
  public InMemoryJavac.Result withProcessor(Annotated project) {
    return project.compile();
  }

  @Benchmark
  public InMemoryJavac.Result withoutProcessor(Plain project) {
    return project.compile();
  }

  @Benchmark
  public InMemoryJavac.Result generatedSourcesWithoutProcessor(Pregenerated project) {
    return project.compile();
  }

  private static void expect(Set<String> classes, String name, String what) {
    if (!classes.contains(name)) {
      throw new IllegalStateException("javac wrote no " + what + " " + name + "; it wrote "
          + classes.size() + " classes");
    }
  }
}
