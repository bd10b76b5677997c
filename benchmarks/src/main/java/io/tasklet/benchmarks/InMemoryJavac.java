package io.tasklet.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in this JVM, compiling sources held in memory into class files held in memory. Generated
 * sources stay in memory too. Only the class path is read from disk, through one file manager kept
 * for every compilation, as a build tool that stays running keeps it.
 */
final class InMemoryJavac implements AutoCloseable {
  private final JavaCompiler compiler;
  private final StandardJavaFileManager files;

  /** A compiler whose class path is {@code classPath}. */
  InMemoryJavac(List<Path> classPath) {
    compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("this JVM has no Java compiler: run it from a JDK");
    }
    files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    try {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This JVM's class path: in the benchmarks' jar, the jar itself. */
  static List<Path> classPathOfThisJvm() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(Path::of)
        .toList();
  }

  /**
   * What one compilation did.
   *
   * @param succeeded whether javac reported success
   * @param diagnostics everything it reported
   * @param classes binary names of the classes it wrote
   * @param generatedSources the sources processors generated, by binary name
   */
  record Result(
      boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Set<String> classes, Map<String, String> generatedSources) {

    /** Fails unless javac succeeded with no error nor warning; {@code what} names the sources. */
    Result checkClean(String what) {
      List<String> problems = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
        if (diagnostic.getKind() != Diagnostic.Kind.NOTE
            && diagnostic.getKind() != Diagnostic.Kind.OTHER) {
          problems.add(diagnostic.getKind() + ": " + diagnostic.getMessage(Locale.ROOT)
              + (diagnostic.getSource() == null ? ""
                  : " (" + diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber()
                      + ")"));
        }
      }
      if (!succeeded || !problems.isEmpty()) {
        throw new IllegalStateException(what + " did not compile cleanly: "
            + (problems.isEmpty() ? "javac failed" : String.join("; ", problems)));
      }
      return this;
    }
  }

  /**
   * Compiles {@code sources} with {@code options}, running {@code processors} (none given: none
   * run, as with {@code -proc:none}).
   */
  Result compile(
      List<SyntheticProject.Source> sources, List<? extends Processor> processors,
      List<String> options) {
    List<JavaFileObject> units = sources.stream().map(InMemoryJavac::unit).toList();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Output output = new Output(files);
    List<String> allOptions = new ArrayList<>(options);
    if (processors.isEmpty()) {
      allOptions.add("-proc:none");
    }
    JavaCompiler.CompilationTask task =
        compiler.getTask(null, output, diagnostics, allOptions, null, units);
    if (!processors.isEmpty()) {
      task.setProcessors(processors);
    }
    boolean succeeded = task.call();
    return new Result(succeeded, diagnostics.getDiagnostics(),
        output.names(JavaFileObject.Kind.CLASS), output.texts(JavaFileObject.Kind.SOURCE));
  }

  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JavaFileObject unit(SyntheticProject.Source source) {
    URI uri = URI.create("string:///" + source.qualifiedName().replace('.', '/')
        + JavaFileObject.Kind.SOURCE.extension);
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source.text();
      }
    };
  }

  /** Keeps every file javac or a processor writes in memory: class files and generated sources. */
  private static final class Output extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final List<MemoryFile> written = new ArrayList<>();

    Output(StandardJavaFileManager files) {
      super(files);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      MemoryFile file = new MemoryFile(URI.create("mem:///" + location.getName() + "/"
          + className.replace('.', '/') + kind.extension), kind, className);
      written.add(file);
      return file;
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling) {
      MemoryFile file = new MemoryFile(URI.create("mem:///" + location.getName() + "/"
          + packageName.replace('.', '/') + "/" + relativeName), JavaFileObject.Kind.OTHER,
          relativeName);
      written.add(file);
      return file;
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      return a.toUri().equals(b.toUri());
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
      return file instanceof MemoryFile memory
          ? memory.binaryName
          : super.inferBinaryName(location, file);
    }

    Set<String> names(JavaFileObject.Kind kind) {
      return files(kind).map(file -> file.binaryName)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    Map<String, String> texts(JavaFileObject.Kind kind) {
      return files(kind).collect(Collectors.toMap(file -> file.binaryName,
          file -> file.getCharContent(true).toString(), (a, b) -> b, TreeMap::new));
    }

    private Stream<MemoryFile> files(JavaFileObject.Kind kind) {
      return written.stream().filter(file -> file.getKind() == kind);
    }
  }

  /** A file written to memory, readable back (javac reads the sources processors generate). */
  private static final class MemoryFile extends SimpleJavaFileObject {
    final String binaryName;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MemoryFile(URI uri, JavaFileObject.Kind kind, String binaryName) {
      super(uri, kind);
      this.binaryName = binaryName;
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }

    @Override
    public Writer openWriter() {
      return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
