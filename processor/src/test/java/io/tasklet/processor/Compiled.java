package io.tasklet.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Compiles sources with the processor as a user would (warnings are errors) and runs what comes
 * out: the classes of a successful compilation, loaded into their own class loader.
 */
final class Compiled {
  static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

  private final Compilation compilation;
  private final ClassLoader loader;

  private Compiled(Compilation compilation, ClassLoader parent) {
    this.compilation = compilation;
    this.loader = new CompiledClassLoader(classFiles(compilation), parent);
  }

  /**
   * A javac with the processors and strict options: every warning but {@code processing}, which
   * warns about any annotation no processor claims ({@code @Generated} on generated code too).
   */
  static Compiler compiler() {
    return javac().withProcessors(processors()).withOptions(STRICT);
  }

  /**
   * The library's processors in the order the processor path gives them to javac (its service
   * file lists them sorted): the one that claims nothing first, so it sees every annotation.
   */
  static List<javax.annotation.processing.Processor> processors() {
    return List.of(new LocalDeclarationsProcessor(), new TaskletProcessor());
  }

  /** Compiles {@code sources} strictly; fails the test unless the compilation succeeds. */
  static Compiled compile(JavaFileObject... sources) {
    return of(compiler().compile(sources));
  }

  /**
   * Compiles {@code sources} strictly with {@code classpath} added, and loads its classes with
   * {@code classpath} as their parent; must succeed.
   */
  static Compiled compile(List<File> classpath, JavaFileObject... sources) {
    Compilation compilation =
        compiler().withClasspath(withTestClasspath(classpath)).compile(sources);
    List<URL> urls = new ArrayList<>();
    for (File entry : classpath) {
      try {
        urls.add(entry.toURI().toURL());
      } catch (MalformedURLException e) {
        throw new AssertionError(e);
      }
    }
    return of(
        compilation, new URLClassLoader(urls.toArray(URL[]::new), Compiled.class.getClassLoader()));
  }

  /** Writes the class files of a successful compilation under {@code directory}. */
  static void writeClasses(Compilation compilation, Path directory) throws IOException {
    for (Map.Entry<String, byte[]> entry : classFiles(compilation).entrySet()) {
      Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, entry.getValue());
    }
  }

  static List<File> withTestClasspath(List<File> extra) {
    List<File> all = new ArrayList<>(extra);
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      all.add(new File(entry));
    }
    return all;
  }

  static Compiled of(Compilation compilation) {
    return of(compilation, Compiled.class.getClassLoader());
  }

  private static Compiled of(Compilation compilation, ClassLoader parent) {
    assertWithMessage("compilation diagnostics: %s", compilation.diagnostics())
        .that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    return new Compiled(compilation, parent);
  }

  Compilation compilation() {
    return compilation;
  }

  Class<?> load(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + binaryName, e);
    }
  }

  /** The value of static field {@code name} of class {@code binaryName}. */
  Object constant(String binaryName, String name) {
    try {
      Field field = load(binaryName).getField(name);
      return field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(binaryName + "." + name, e);
    }
  }

  /** Calls public static method {@code name} of {@code binaryName} without arguments. */
  Object run(String binaryName, String name) {
    return invoke(null, load(binaryName), name);
  }

  /**
   * Calls the public method {@code name} on {@code target} (or the static one of {@code type}) that
   * takes as many arguments as given; exceptions it throws propagate unwrapped.
   */
  static Object invoke(Object target, Class<?> type, String name, Object... arguments) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length
          && (target != null || java.lang.reflect.Modifier.isStatic(method.getModifiers()))) {
        try {
          return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new AssertionError(e.getCause());
        } catch (IllegalAccessException | IllegalArgumentException e) {
          continue; // another overload with the same arity
        }
      }
    }
    throw new AssertionError("no method " + name + " taking " + List.of(arguments) + " in " + type);
  }

  /**
   * Calls {@code operation} of the {@code COMPONENT_} descriptor of {@code component} in the class
   * of {@code view}, on the view's segment: {@code getAndAdd} of {@code COMPONENT_BINS}.
   */
  static Object operation(Object view, String component, String operation, Object... arguments) {
    Object descriptor;
    try {
      descriptor = view.getClass()
          .getField("COMPONENT_" + ComponentModel.constantCase(component))
          .get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no descriptor of " + component + " in " + view.getClass(), e);
    }
    Object[] all = new Object[arguments.length + 1];
    all[0] = invoke(view, "segment");
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return invoke(descriptor, operation, all);
  }

  /** Launches through the generated builder; a launch's failure propagates as thrown. */
  @SuppressWarnings("unchecked")
  static TaskletResult<Record> launch(Object builder) throws TaskletException {
    try {
      return (TaskletResult<Record>) builder.getClass().getMethod("launch").invoke(builder);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof TaskletException failure) {
        throw failure;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static Object invoke(Object target, String name, Object... arguments) {
    return invoke(target, target.getClass(), name, arguments);
  }

  private static Map<String, byte[]> classFiles(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String name =
          path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                  path.length() - ".class".length())
              .replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }

  private static final class CompiledClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    CompiledClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
