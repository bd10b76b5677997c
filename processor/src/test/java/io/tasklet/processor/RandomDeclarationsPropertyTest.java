package io.tasklet.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Many random declarations, valid and invalid, compiled in one javac run with every warning on:
 * no error and no warning may lie inside a generated file, no valid declaration may get an error,
 * and every invalid one must get an error on the line of the user's element at fault.
 *
 * <p>The valid ones are compiled with ecj as well, which must have nothing to say about the
 * generated code either.
 *
 * <p>Each declaration lives in a package of its own, so that one's errors cannot hide
 * another's. Javac normally stops before attributing anything once an error is reported; the
 * compilation is told to go on through flow analysis, so that the code generated for the valid
 * declarations is checked in the same run as the errors of the invalid ones.
 */
class RandomDeclarationsPropertyTest {

  /** One declaration: its sources, and for an invalid one the file and line of its error. */
  record Unit(List<JavaFileObject> files, String errorFile, String errorLine) {
    boolean valid() {
      return errorFile == null;
    }
  }

  private static final String[] PRIMITIVES = {
    "boolean", "byte", "short", "char", "int", "float", "long", "double"
  };
  private static final String[] ODD_NAMES = {"yield", "var", "record", "sealed", "permits", "of"};
  private static final String[] INVALID = {
    "String s", "long[] noLength", "@Length(0) long[] empty", "java.util.List<Long> list",
    "Object any", "Long boxed", "@Length(2) long[][] grid"
  };

  @Provide
  Arbitrary<List<Long>> seeds() {
    return Arbitraries.longs().list().ofMinSize(24).ofMaxSize(40);
  }

  @Property(tries = 4)
  void everyDeclarationCompilesOrGetsAnErrorOnItsElement(@ForAll("seeds") List<Long> seeds) {
    List<Unit> units = new ArrayList<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      Unit unit = unit("p" + i, new Random(seeds.get(i)));
      units.add(unit);
      sources.addAll(unit.files());
    }
    Compilation compilation =
        Compiler.javac()
            .withProcessors(Compiled.processors())
            .withOptions("-Xlint:all", "-XDshould-stop.ifError=FLOW")
            .compile(sources);
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compilation.diagnostics();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      if (diagnostic.getSource() != null) {
        assertWithMessage("%s", diagnostic)
            .that(diagnostic.getSource().toUri().getPath())
            .doesNotContain("SOURCE_OUTPUT");
      }
    }
    for (Unit unit : units) {
      String folder = unit.files().getFirst().toUri().getPath();
      folder = folder.substring(0, folder.lastIndexOf('/') + 1);
      if (unit.valid()) {
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
          if (diagnostic.getSource() != null
              && diagnostic.getSource().toUri().getPath().startsWith(folder)) {
            assertWithMessage("valid %s:\n%s", folder, sourcesOf(unit))
                .that(diagnostic.getKind())
                .isNotEqualTo(Diagnostic.Kind.ERROR);
          }
        }
        continue;
      }
      boolean found = false;
      for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.errors()) {
        if (diagnostic.getSource() != null
            && diagnostic.getSource().toUri().getPath().equals(folder + unit.errorFile())) {
          String line = lineOf(diagnostic);
          found |= line.contains(unit.errorLine());
        }
      }
      assertWithMessage("no error on \"%s\" in %s%s:\n%s\n%s", unit.errorLine(), folder,
              unit.errorFile(), sourcesOf(unit), compilation.errors())
          .that(found)
          .isTrue();
    }
  }

  @Property(tries = 2)
  void validDeclarationsCompileUnderEcjWithNothingToSayAboutGeneratedCode(
      @ForAll("seeds") List<Long> seeds) throws java.io.IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      Unit unit = unit("p" + i, new Random(seeds.get(i)));
      if (unit.valid()) {
        sources.addAll(unit.files());
      }
    }
    java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("ecj");
    try {
      Ecj.Run run = Ecj.compile(directory, sources);
      assertWithMessage("%s", run).that(run.success()).isTrue();
      assertWithMessage("%s", run).that(run.aboutGeneratedCode()).isEmpty();
    } finally {
      try (var paths = java.nio.file.Files.walk(directory)) {
        for (java.nio.file.Path path :
            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(path);
        }
      }
    }
  }

  private static String sourcesOf(Unit unit) {
    StringBuilder out = new StringBuilder();
    for (JavaFileObject file : unit.files()) {
      try {
        out.append(file.getName()).append(":\n").append(file.getCharContent(true)).append('\n');
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  private static String lineOf(Diagnostic<? extends JavaFileObject> diagnostic) {
    try {
      String[] lines = diagnostic.getSource().getCharContent(true).toString().split("\n", -1);
      long number = diagnostic.getLineNumber();
      return number >= 1 && number <= lines.length ? lines[(int) number - 1] : "";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JavaFileObject file(String pkg, String name, String body) {
    return JavaFileObjects.forSourceString(
        pkg + "." + name,
        "package " + pkg + ";\n\nimport io.tasklet.annotations.*;\nimport io.tasklet.runtime.*;\n\n"
            + body);
  }

  /** A random declaration in package {@code pkg}: valid about half the time. */
  private static Unit unit(String pkg, Random random) {
    List<JavaFileObject> files = new ArrayList<>();
    // Valid parts every unit has: an enum, a nested record, shared state and scratch.
    files.add(file(pkg, "Mode", "public enum Mode { " + constants(random) + " }"));
    files.add(file(pkg, "Nested", "@SharedState\npublic record Nested(" + components(random, false)
        + ") {}"));
    boolean deprecated = random.nextInt(4) == 0;
    String state = (deprecated ? "@Deprecated\n" : "") + "@SharedState\npublic record State("
        + components(random, true) + ") {}";
    files.add(file(pkg, "State", state));
    files.add(file(pkg, "Lane", "@WorkerScratch\npublic record Lane(" + components(random, true)
        + ") {}"));
    if (random.nextBoolean()) {
      String name = List.of("String", "Byte", "Short", "Objects", "Views", "IllegalArgumentException")
          .get(random.nextInt(6));
      files.add(file(pkg, name, "final class " + name + " {}"));
    }
    String holderHeader = random.nextInt(4) == 0 ? "final class Jobs<T>" : "final class Jobs";
    String throwsClause = random.nextBoolean() ? " throws Exception" : "";
    String coordinator = "  @Coordinator(workers = " + (1 + random.nextInt(8))
        + (random.nextBoolean() ? ", maxInputBytes = 64" : "")
        + (random.nextBoolean() ? ", maxFuel = 100" : "") + ")\n"
        + "  static void run(CoordinatorContext<State, Lane> ctx)" + throwsClause + " {}\n"
        + (random.nextBoolean() ? "  static void run(int overload) {}\n" : "")
        + "  @Tasklet(name = \"" + pkg.toUpperCase(java.util.Locale.ROOT) + "Alone\")\n"
        + "  static void alone(TaskletContext<State> ctx) {}\n";
    if (random.nextBoolean()) {
      files.add(file(pkg, "Jobs", (deprecated ? "@SuppressWarnings(\"deprecation\")\n" : "")
          + holderHeader + " {\n" + coordinator + "}\n"));
      return new Unit(files, null, null);
    }
    return invalid(pkg, random, files, coordinator, deprecated);
  }

  private static Unit invalid(
      String pkg, Random random, List<JavaFileObject> files, String coordinator,
      boolean deprecated) {
    String suppress = deprecated ? "@SuppressWarnings(\"deprecation\")\n" : "";
    switch (random.nextInt(12)) {
      case 0 -> {
        String component = INVALID[random.nextInt(INVALID.length)];
        files.add(file(pkg, "Bad", "@WorkerScratch\npublic record Bad(long fine,\n    "
            + component + ") {}"));
        return new Unit(files, "Bad.java", component);
      }
      case 1 -> {
        files.add(file(pkg, "Jobs", suppress + "final class Jobs {\n" + coordinator
            + "  @Coordinator(workers = 0)\n  static void zero(CoordinatorContext<State, Lane> c)"
            + " {}\n}\n"));
        return new Unit(files, "Jobs.java", "workers = 0");
      }
      case 2 -> {
        String name = List.of("var", "record", "yield", "sealed", "permits", "String",
            "not a name").get(random.nextInt(7));
        files.add(file(pkg, "Jobs", suppress + "final class Jobs {\n" + coordinator
            + "  @Tasklet(name = \"" + name + "\")\n  static void named(TaskletContext<State> c)"
            + " {}\n}\n"));
        return new Unit(files, "Jobs.java", "name = \"" + name + "\"");
      }
      case 3 -> {
        files.add(file(pkg, "Jobs", suppress + "final class Jobs {\n" + coordinator
            + "  @Tasklet\n  static void throwing(TaskletContext<State> c) throws Throwable {}\n"
            + "}\n"));
        return new Unit(files, "Jobs.java", "throws Throwable");
      }
      case 4 -> {
        files.add(file(pkg, "None", "public enum None {}"));
        files.add(file(pkg, "UsesNone", "@WorkerScratch\npublic record UsesNone(long a,\n"
            + "    None none) {}"));
        return new Unit(files, "UsesNone.java", "None none");
      }
      case 5 -> {
        files.add(file(pkg, "LaneView", "final class LaneView {}"));
        return new Unit(files, "Lane.java", "record Lane(");
      }
      case 6 -> {
        files.add(file(pkg, "A_B", "@SharedState\npublic record A_B(long a) {}"));
        files.add(file(pkg, "A", "public class A {\n  @SharedState\n  public record B(int b) {}\n}"));
        return new Unit(files, "A_B.java", "record A_B(");
      }
      case 7 -> {
        files.add(file(pkg, "Jobs", suppress + "final class Jobs {\n" + coordinator
            + "  @Tasklet(name = \"StateView\")\n  static void clash(TaskletContext<State> c) {}\n"
            + "}\n"));
        return new Unit(files, "Jobs.java", "name = \"StateView\"");
      }
      case 8 -> {
        files.add(file(pkg, "Local", "public class Local {\n  void run() {\n    @SharedState\n"
            + "    record Inside(long a) {}\n  }\n}"));
        return new Unit(files, "Local.java", "record Inside(");
      }
      case 9 -> {
        files.add(file(pkg, "Anonymous", "public class Anonymous {\n  Object o = new Object() {\n"
            + "    @Tasklet\n    static void inside(TaskletContext<State> c) {}\n  };\n}"));
        return new Unit(files, "Anonymous.java", "static void inside(");
      }
      case 10 -> {
        files.add(file(pkg, "Jobs", suppress + "final class Jobs {\n" + coordinator
            + "  @Coordinator(workers = 4, maxInputBytes = 1L << 40)\n"
            + "  static void big(CoordinatorContext<State, Lane> c) {}\n}\n"));
        return new Unit(files, "Jobs.java", "maxInputBytes = 1L << 40");
      }
      default -> {
        files.add(file(pkg, "Main", "public final class Main {}\n@SharedState\n"
            + "record Aux(long a) {}\n"));
        return new Unit(files, "Main.java", "record Aux(");
      }
    }
  }

  private static String constants(Random random) {
    int count = 1 + random.nextInt(3);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("C" + i);
    }
    return String.join(", ", names);
  }

  /** Random valid components; {@code nest} allows the package's enum and nested record. */
  private static String components(Random random, boolean nest) {
    int count = random.nextInt(5);
    List<String> components = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String type = switch (random.nextInt(nest ? 4 : 2)) {
        case 0, 1 -> PRIMITIVES[random.nextInt(PRIMITIVES.length)];
        case 2 -> "Mode";
        default -> "Nested";
      };
      String name = random.nextInt(5) == 0 ? ODD_NAMES[random.nextInt(ODD_NAMES.length)] + i
          : "c" + i;
      if (random.nextInt(6) == 0) {
        name = ODD_NAMES[random.nextInt(ODD_NAMES.length)];
        if (components.stream().anyMatch(c -> c.endsWith(" " + ODD_NAMES[0]))) {
          name = "c" + i;
        }
      }
      String finalName = name;
      if (components.stream().anyMatch(c -> c.endsWith(" " + finalName))) {
        name = "c" + i;
      }
      boolean array = random.nextInt(3) == 0;
      components.add((array ? "@Length(" + (1 + random.nextInt(4)) + ") " : "") + type
          + (array ? "[] " : " ") + name);
    }
    return String.join(", ", components);
  }
}
