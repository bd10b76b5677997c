package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor under the Eclipse compiler (ecj), as Eclipse and builds that use ecj run it: the
 * same generated code as under javac, compiled without a warning, and errors placed in the
 * user's file wherever ecj can place them. Ecj reads sources from files only, so each test writes
 * them to a folder of its own.
 */
class EclipseCompilerTest {
  @TempDir Path directory;

  /** What one ecj run gave. */
  private record Run(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Path sources, Path classes, Path generated) {

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        out.append('\n').append(d.getKind()).append(' ')
            .append(d.getSource() == null ? "-" : d.getSource().getName()).append(':')
            .append(d.getLineNumber()).append(' ').append(d.getMessage(null));
      }
      return out.toString();
    }

    List<Diagnostic<? extends JavaFileObject>> of(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
    }

    /** Asserts an error with {@code message} on the line of {@code file} containing {@code line}. */
    void assertError(String message, String file, String line) throws IOException {
      List<String> lines = Files.readAllLines(sources.resolve("p").resolve(file));
      long expected = 1 + lines.indexOf(lines.stream().filter(l -> l.contains(line))
          .findFirst().orElseThrow());
      assertWithMessage("%s", this).that(of(Diagnostic.Kind.ERROR).stream()
          .anyMatch(d -> d.getMessage(null).contains(message)
              && d.getSource() != null && d.getSource().getName().endsWith(file)
              && d.getLineNumber() == expected)).isTrue();
    }

    Map<String, String> generatedSources() throws IOException {
      Map<String, String> files = new TreeMap<>();
      try (var paths = Files.walk(generated)) {
        for (Path path : paths.filter(Files::isRegularFile).toList()) {
          files.put(path.getFileName().toString(), Files.readString(path));
        }
      }
      return files;
    }
  }

  /** Compiles {@code sources} with ecj, its default warnings and those below, and the processors. */
  private Run ecj(List<JavaFileObject> sources) throws IOException {
    Path src = Files.createDirectories(directory.resolve("src"));
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path generated = Files.createDirectories(directory.resolve("generated"));
    List<File> files = new ArrayList<>();
    for (JavaFileObject source : sources) {
      Path file = src.resolve(source.getName().replaceFirst("^/", ""));
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getCharContent(true));
      files.add(file.toFile());
    }
    EclipseCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager = ecj.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = List.of("--release", "25", "-warn:+deadCode,+unusedImport",
          "-d", classes.toString(), "-s", generated.toString(),
          "-cp", System.getProperty("java.class.path"));
      JavaCompiler.CompilationTask task = ecj.getTask(new StringWriter(), manager, diagnostics,
          options, null,
          manager.getJavaFileObjectsFromFiles(files));
      task.setProcessors(Compiled.processors());
      boolean success = task.call();
      return new Run(success, diagnostics.getDiagnostics(), src, classes, generated);
    }
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
                  ctx.parallelForWorkers(lane -> total.getAndAddFlag((byte) 1));
                  total.bins(3, ctx.input().byteSize());
                }
                static void count(int notThisOne) {}
                @Tasklet(maxFuel = 10)
                static void alone(TaskletContext<Histogram> ctx) {}
              }
              """));

  @Test
  void generatesWhatJavacGeneratesAndItCompilesWithoutWarnings() throws Exception {
    Run eclipse = ecj(VALID);
    assertWithMessage("%s", eclipse).that(eclipse.success()).isTrue();
    // (the test's own sources import more than each needs: ecj warns about those alone)
    assertWithMessage("%s", eclipse)
        .that(eclipse.diagnostics().stream()
            .filter(d -> d.getSource() == null
                || d.getSource().getName().contains("/generated/")
                || d.getKind() == Diagnostic.Kind.ERROR)
            .toList())
        .isEmpty();
    Compilation javac = Compiled.compiler().compile(VALID);
    assertThat(javac).succeededWithoutWarnings();
    Map<String, String> javacSources = new TreeMap<>();
    for (JavaFileObject file : javac.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      javacSources.put(
          path.substring(path.lastIndexOf('/') + 1), file.getCharContent(true).toString());
    }
    assertThat(eclipse.generatedSources()).isEqualTo(javacSources);
    assertThat(javacSources).hasSize(8);

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
    Run run = ecj(sources);
    assertWithMessage("%s", run).that(run.success()).isTrue();
    assertWithMessage("%s", run)
        .that(run.diagnostics().stream()
            .filter(d -> d.getSource() == null
                || d.getSource().getName().contains("/generated/"))
            .toList())
        .isEmpty();
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
    Run run = ecj(List.of(jobs, VALID.get(0), VALID.get(1), VALID.get(2), VALID.get(3)));
    assertThat(run.success()).isFalse();
    run.assertError("workers must be between 1 and 65535, was 0", "Jobs.java", "workers = 0");
    run.assertError(
        "@Tasklet method notVoid must return void", "Jobs.java", "static int notVoid(");
    run.assertError(
        "name = \"yield\" cannot name the launcher", "Jobs.java", "name = \"yield\"");
  }

  @Test
  void errorsOnRecordsArePlacedWhereEcjCan() throws IOException {
    // Ecj's messager cannot place records or their components (as of 3.46): an error on a
    // nested record goes to the class around it, and one on a top-level record keeps its
    // message, which names the record and component.
    JavaFileObject outer =
        HostileDeclarationsTest.source(
            "Outer",
            "public class Outer {\n  @SharedState\n  public record Inner(String name) {}\n}");
    JavaFileObject top =
        HostileDeclarationsTest.source(
            "Top", "@WorkerScratch\npublic record Top(@Length(0) long[] none) {}");
    Run run = ecj(List.of(outer, top));
    assertThat(run.success()).isFalse();
    run.assertError("component 'name' of Outer.Inner: String cannot be laid out", "Outer.java",
        "public class Outer");
    assertThat(run.of(Diagnostic.Kind.ERROR).stream()
        .anyMatch(d -> d.getMessage(null).contains("component 'none' of Top: @Length(0) must be")))
        .isTrue();
    for (Diagnostic<? extends JavaFileObject> diagnostic : run.diagnostics()) {
      if (diagnostic.getSource() != null) {
        assertThat(diagnostic.getSource().getName()).doesNotContain("generated");
      }
    }
  }
}
