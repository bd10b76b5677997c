package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor under the Eclipse compiler (ecj), as Eclipse and builds that use ecj run it: the
 * same generated code as under javac, compiled without a warning, and errors placed in the
 * user's file wherever ecj can place them.
 */
class EclipseCompilerTest {
  @TempDir Path directory;

  private Ecj.Run ecj(List<JavaFileObject> sources) throws IOException {
    return Ecj.compile(directory, sources);
  }

  private static final List<JavaFileObject> VALID =
      List.of(
          HostileDeclarationsTest.source(
              "Histogram",
              "@SharedState\npublic record Histogram(@Length(16) long[] bins, byte flag,"
                  + " Mode mode, Inner inner) {}"),
          HostileDeclarationsTest.source("Mode", "public enum Mode { ON, OFF }"),
          HostileDeclarationsTest.source(
              "Inner", "@SharedState\npublic record Inner(short s, @Length(3) char[] cs) {}"),
          HostileDeclarationsTest.source(
              "Bins", "@WorkerScratch\npublic record Bins(@Length(16) long[] bins) {}"),
          HostileDeclarationsTest.source(
              "Jobs",
              """
              final class Jobs {
                @Coordinator(workers = 2, maxInputBytes = 64)
                static void count(CoordinatorContext<Histogram, Bins> ctx) {
                  HistogramView total = HistogramView.of(ctx.shared());
                  ctx.parallelForWorkers(
                      lane -> HistogramView.COMPONENT_FLAG.getAndAdd(total.segment(), (byte) 1));
                  total.bins(3, ctx.input().byteSize());
                }
                static void count(int notThisOne) {}
                @Tasklet(maxFuel = 10)
                static void alone(TaskletContext<Histogram> ctx) {}
              }
              """));

  @Test
  void generatesWhatJavacGeneratesAndItCompilesWithoutWarnings() throws Exception {
    Ecj.Run eclipse = ecj(VALID);
    assertWithMessage("%s", eclipse).that(eclipse.success()).isTrue();
    // (the test's own sources import more than each needs: ecj warns about those alone)
    assertWithMessage("%s", eclipse).that(eclipse.aboutGeneratedCode()).isEmpty();
    Compilation javac = Compiled.compiler().compile(VALID);
    assertThat(javac).succeededWithoutWarnings();
    Map<String, String> javacSources = new TreeMap<>();
    for (JavaFileObject file : javac.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      javacSources.put(
          path.substring(path.lastIndexOf('/') + 1), file.getCharContent(true).toString());
    }
    assertThat(eclipse.generatedSources()).isEqualTo(javacSources);
    assertThat(javacSources).hasSize(5);

    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {eclipse.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Object builder = Compiled.invoke(
          null, Class.forName("p.JobsCountTasklet", true, loader), "builder");
      Compiled.invoke(builder, "input", new byte[5]);
      Record shared = Compiled.launch(builder).shared();
      assertThat(Compiled.invoke(shared, "flag")).isEqualTo((byte) 2);
      assertThat(((long[]) Compiled.invoke(shared, "bins"))[3]).isEqualTo(5L);
    }
  }

  @Test
  void awkwardButValidDeclarationsGiveNoWarningInGeneratedCode() throws IOException {
    List<JavaFileObject> sources = new ArrayList<>(List.of(
        HostileDeclarationsTest.source("String", "final class String {}"),
        HostileDeclarationsTest.source("Byte", "final class Byte {}"),
        HostileDeclarationsTest.source("Objects", "final class Objects {}"),
        HostileDeclarationsTest.source("Level", "@Deprecated\npublic enum Level { LOW }"),
        HostileDeclarationsTest.source("Old", "@Deprecated\n@SharedState\npublic record Old("
            + "@Deprecated long yield, Level level, @Length(2) short[] record, byte var) {}"),
        HostileDeclarationsTest.source("Gone", "@Deprecated(forRemoval = true)\n@WorkerScratch\n"
            + "public record Gone(long b) {}"),
        HostileDeclarationsTest.source(
            "Holder",
            """
            @Deprecated
            @SuppressWarnings("removal")
            final class Holder<T> {
              @Coordinator(workers = 1, maxFuel = 3)
              static void run(CoordinatorContext<Old, Gone> ctx) throws Exception {}
              static void run(int overload) {}
              @Tasklet(name = "HolderAlone")
              static void run(TaskletContext<Old> ctx) {}
            }
            """)));
    Ecj.Run run = ecj(sources);
    assertWithMessage("%s", run).that(run.success()).isTrue();
    assertWithMessage("%s", run).that(run.aboutGeneratedCode()).isEmpty();
  }

  @Test
  void errorsOnMethodsAndAttributesArePlaced() throws IOException {
    JavaFileObject jobs =
        HostileDeclarationsTest.source(
            "Jobs",
            """
            final class Jobs {
              @Coordinator(workers = 0)
              static void lanes(CoordinatorContext<Histogram, Bins> ctx) {}
              @Tasklet
              static int notVoid(TaskletContext<Histogram> ctx) { return 0; }
              @Tasklet(name = "yield")
              static void badName(TaskletContext<Histogram> ctx) {}
            }
            """);
    Ecj.Run run = ecj(List.of(jobs, VALID.get(0), VALID.get(1), VALID.get(2), VALID.get(3)));
    assertThat(run.success()).isFalse();
    run.assertError("workers must be between 1 and 65535, was 0", "Jobs.java", "workers = 0");
    run.assertError(
        "@Tasklet method notVoid must return void", "Jobs.java", "static int notVoid(");
    run.assertError(
        "name = \"yield\" cannot name the launcher", "Jobs.java", "name = \"yield\"");
  }

  @Test
  void declarationsInsideCodeAreReported() throws IOException {
    JavaFileObject places =
        HostileDeclarationsTest.source(
            "Places",
            """
            public class Places {
              void local() {
                @SharedState
                record Inside(long a) {}
              }
              static Object anonymous = new Object() {
                @Tasklet
                static void inAnonymous(TaskletContext<Histogram> ctx) {}
              };
            }
            """);
    Ecj.Run run = ecj(List.of(places, VALID.get(0), VALID.get(1), VALID.get(2)));
    assertThat(run.success()).isFalse();
    // on the class around them, naming their lines: 8 and 12 of the file
    run.assertError("@SharedState type Inside is declared inside code", "Places.java",
        "public class Places");
    run.assertError("a member of a class (line 8)", "Places.java", "public class Places");
    run.assertError("@Tasklet method inAnonymous is declared in an anonymous class",
        "Places.java", "public class Places");
    run.assertError("a static nested class (line 12)", "Places.java", "public class Places");
  }

  @Test
  void errorsOnRecordsArePlacedWhereEcjCan() throws IOException {
    // Ecj's messager cannot place records or their components (as of 3.46): an error on a
    // nested record goes to the class around it, and one on a top-level record has no place; the
    // message says the file and line of the component either way.
    JavaFileObject outer =
        HostileDeclarationsTest.source(
            "Outer",
            "public class Outer {\n  @SharedState\n  public record Inner(String name) {}\n}");
    JavaFileObject top =
        HostileDeclarationsTest.source(
            "Top", "@WorkerScratch\npublic record Top(@Length(0) long[] none) {}");
    Ecj.Run run = ecj(List.of(outer, top));
    assertThat(run.success()).isFalse();
    run.assertError("component 'name' of Outer.Inner: String cannot be laid out", "Outer.java",
        "public class Outer");
    assertThat(run.of(Diagnostic.Kind.ERROR).stream()
        .anyMatch(d -> d.getMessage(null).contains("component 'none' of Top: @Length(0) must be")
            && d.getMessage(null).endsWith("(Top.java, line 7)")))
        .isTrue();
    run.assertError("(Outer.java, line 8)", "Outer.java", "public class Outer");
    for (Diagnostic<? extends JavaFileObject> diagnostic : run.diagnostics()) {
      if (diagnostic.getSource() != null) {
        assertThat(diagnostic.getSource().getName()).doesNotContain("generated");
      }
    }
  }
}
