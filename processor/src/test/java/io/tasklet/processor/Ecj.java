package io.tasklet.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
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

/**
 * Compiles with the Eclipse compiler and the processors, as Eclipse and ecj builds do. Ecj reads
 * sources from files only, so they are written to a folder first.
 */
final class Ecj {
  private Ecj() {}

  /** What one ecj run gave. */
  record Run(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
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

    /** What ecj said about generated files, or with no file at all. */
    List<Diagnostic<? extends JavaFileObject>> aboutGeneratedCode() {
      return diagnostics.stream()
          .filter(d -> d.getSource() == null || d.getSource().getName().contains("/generated/"))
          .toList();
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

  /**
   * Compiles {@code sources} in {@code directory} with ecj, its default warnings and those
   * below, and the processors.
   */
  static Run compile(Path directory, List<JavaFileObject> sources) throws IOException {
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
}
