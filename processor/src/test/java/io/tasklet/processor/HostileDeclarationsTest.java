package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import java.io.File;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Declarations as users' builds and IDEs meet them, valid and nearly valid: for each, either the
 * generated code compiles strictly and works, or there is a pointed error on the user's element.
 * Never an error inside a generated file, never a silent skip.
 */
class HostileDeclarationsTest {
  private static final String IMPORTS =
      "import io.tasklet.annotations.*;\nimport io.tasklet.runtime.*;\n\n";

  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("p." + name, "package p;\n\n" + IMPORTS + body);
  }

  private static final JavaFileObject TOTALS =
      source("Totals", "@SharedState\npublic record Totals(long sum) {}");
  private static final JavaFileObject PARTIAL =
      source("Partial", "@WorkerScratch\npublic record Partial(long sum) {}");

  private static Compilation compile(JavaFileObject... sources) {
    return Compiled.compiler().compile(sources);
  }

  /** Asserts an error containing {@code message} on the line of {@code source} with {@code line}. */
  private static void assertErrorOn(
      Compilation compilation, JavaFileObject source, String message, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  /** Asserts that no diagnostic of the compilation lies inside a generated file. */
  static void assertNothingInGeneratedFiles(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      if (diagnostic.getSource() != null) {
        assertThat(diagnostic.getSource().toUri().getPath()).doesNotContain("SOURCE_OUTPUT");
      }
    }
  }

  private static TaskletResult<Record> launch(Compiled compiled, String launcher)
      throws TaskletException {
    return Compiled.launch(Compiled.invoke(null, compiled.load("p." + launcher), "builder"));
  }

  /** A view {@code simpleName} of package {@code p} over 64 fresh bytes. */
  private static Object view(Compiled compiled, String simpleName) {
    return Compiled.invoke(null, compiled.load("p." + simpleName), "of",
        java.lang.foreign.Arena.ofAuto().allocate(64, 8));
  }

  // Generated code that did not compile

  @Test
  void overloadsOfTheMethodAreNoProblem() throws TaskletException {
    JavaFileObject over =
        source(
            "Over",
            """
            public final class Over {
              @Coordinator(workers = 1)
              static void run(CoordinatorContext<Totals, Partial> ctx) {
                TotalsView.of(ctx.shared()).sum(7);
              }
              static void run(int notThisOne) {}
              @Tasklet(name = "OverAlone")
              static void run(TaskletContext<Totals> ctx) {
                TotalsView.of(ctx.shared()).sum(11);
              }
            }
            """);
    Compiled compiled = Compiled.compile(over, TOTALS, PARTIAL);
    assertThat(Compiled.invoke(launch(compiled, "OverRunTasklet").shared(), "sum")).isEqualTo(7L);
    assertThat(Compiled.invoke(launch(compiled, "OverAlone").shared(), "sum")).isEqualTo(11L);
  }

  @Test
  void aCoordinatorInAGenericClass() throws TaskletException {
    JavaFileObject gen =
        source(
            "Gen",
            """
            public final class Gen<T> {
              @Coordinator(workers = 1)
              static void run(CoordinatorContext<Totals, Partial> ctx) {
                TotalsView.of(ctx.shared()).sum(3);
              }
            }
            """);
    Compiled compiled = Compiled.compile(gen, TOTALS, PARTIAL);
    assertThat(Compiled.invoke(launch(compiled, "GenRunTasklet").shared(), "sum")).isEqualTo(3L);
  }

  @Test
  void aMethodThatThrowsThrowable() {
    JavaFileObject jobs =
        source(
            "Jobs",
            """
            final class Jobs {
              @Coordinator(workers = 1)
              static void run(CoordinatorContext<Totals, Partial> ctx) throws Throwable {}
              @Tasklet
              static void checked(TaskletContext<Totals> ctx) throws java.io.IOException {}
            }
            """);
    Compilation compilation = compile(jobs, TOTALS, PARTIAL);
    assertErrorOn(
        compilation,
        jobs,
        "@Coordinator method run declares throws java.lang.Throwable, which its launcher cannot"
            + " pass on",
        "throws Throwable");
    assertThat(compilation).hadErrorCount(1); // throws IOException is fine
    assertNothingInGeneratedFiles(compilation);
  }

  @Test
  void aComponentNamedYield() {
    JavaFileObject record =
        source(
            "Restricted",
            "@SharedState\npublic record Restricted(long yield, @Length(2) int[] var,"
                + " @Length(2) long[] record, short permits, byte sealed) {}");
    Compiled compiled = Compiled.compile(record);
    Object view = view(compiled, "RestrictedView");
    Compiled.invoke(view, "yield", 5L);
    Compiled.invoke(view, "record", 1, 9L);
    Record read = (Record) Compiled.invoke(view, "read");
    assertThat(Compiled.invoke(read, "yield")).isEqualTo(5L);
    assertThat(((long[]) Compiled.invoke(read, "record"))[1]).isEqualTo(9L);
    Compiled.invoke(view, "write", read);
  }

  @ParameterizedTest
  @ValueSource(strings = {"var", "record", "yield", "sealed", "permits", "String"})
  void launcherNamesThatCannotBe(String name) {
    JavaFileObject jobs =
        source(
            "Jobs",
            "final class Jobs {\n  @Tasklet(name = \""
                + name
                + "\")\n  static void run(TaskletContext<Totals> ctx) {}\n}\n");
    Compilation compilation = compile(jobs, TOTALS);
    assertErrorOn(
        compilation, jobs, "name = \"" + name + "\"", "@Tasklet(name = \"" + name + "\")");
    assertThat(compilation)
        .hadErrorContaining(name.equals("String") ? "would hide java.lang.String" : "choose");
    assertNothingInGeneratedFiles(compilation);
  }

  @Test
  void userTypesNamedLikeJavaLangTypes() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name :
        List.of(
            "Byte",
            "Short",
            "String",
            "Integer",
            "Long",
            "Object",
            "IllegalArgumentException",
            "IllegalStateException",
            "IndexOutOfBoundsException",
            "NullPointerException",
            "Objects",
            "MemorySegment",
            "ValueLayout",
            "VarHandle",
            "Views",
            "Override",
            "SuppressWarnings",
            "Generated",
            "Deprecated")) {
      sources.add(source(name, "final class " + name + " {}"));
    }
    sources.add(
        source(
            "Everything",
            """
            @SharedState
            @java.lang.SuppressWarnings("deprecation")
            public record Everything(byte b, short s, char c, int i, long l, Mode mode,
                @Length(2) Mode[] modes, @Length(2) short[] shorts, @Length(2) Inner[] inner) {}
            """));
    // deprecated, so that the generated views and launchers suppress the warning about it, with
    // java.lang's SuppressWarnings and not the class above
    sources.add(source("Mode", "@java.lang.Deprecated\npublic enum Mode { A, B }"));
    sources.add(source("Inner", "@SharedState\npublic record Inner(byte x) {}"));
    sources.add(source("Lane", "@WorkerScratch\n@java.lang.SuppressWarnings(\"deprecation\")\n"
        + "public record Lane(short y, Mode mode) {}"));
    sources.add(
        source(
            "Jobs",
            """
            final class Jobs {
              @Coordinator(workers = 2, maxInputBytes = 16, maxFuel = 5)
              static void run(CoordinatorContext<Everything, Lane> ctx) {}
              @Tasklet
              static void alone(TaskletContext<Everything> ctx) {}
            }
            """));
    Compiled.compile(sources.toArray(JavaFileObject[]::new));
  }

  /**
   * Records and an enum named after the runtime's and the JDK's classes that generated code
   * names: the generated files keep the user's simple names and qualify the others, a component
   * named like the first package of a qualified name does not obscure it, and what they declare
   * works.
   */
  @Test
  void recordsNamedLikeTheClassesTheirGeneratedCodeNames() throws TaskletException {
    Compiled compiled =
        Compiled.compile(
            source("EnumComponent", "public enum EnumComponent { ON, OFF }"),
            source(
                "StructLayout",
                """
                @SharedState
                public record StructLayout(long sum, EnumComponent io, @Length(2) Views[] views) {}
                """),
            source("Views", "@SharedState\npublic record Views(int count) {}"),
            source(
                "LongComponent",
                "@WorkerScratch\npublic record LongComponent(long seen, @Length(3) int[] tally) {}"),
            source(
                "MemoryLayout",
                """
                final class MemoryLayout {
                  @Coordinator(workers = 1, maxFuel = 5)
                  static void TaskletRuntime(CoordinatorContext<StructLayout, LongComponent> ctx) {
                    StructLayoutView.of(ctx.shared()).sum(42);
                  }
                }
                """));
    Object view = view(compiled, "StructLayoutView");
    Object state = compiled.load("p.EnumComponent").getEnumConstants()[1];
    Compiled.invoke(view, "io", state);
    Compiled.invoke(view, "sum", 7L);
    Record read = (Record) Compiled.invoke(view, "read");
    assertThat(Compiled.invoke(read, "io")).isEqualTo(state);
    assertThat(Compiled.invoke(read, "sum")).isEqualTo(7L);
    Compiled.invoke(view, "write", read);
    TaskletResult<Record> result = launch(compiled, "MemoryLayoutTaskletRuntimeTasklet");
    assertThat(Compiled.invoke(result.shared(), "sum")).isEqualTo(42L);
  }

  /**
   * Records and components named like the words of the declaration {@code LAYOUT} is read from
   * ({@code "pad 4"}, {@code "struct Point at"}): each still reads as the member it is.
   */
  @Test
  void namesThatAreWordsOfTheLayoutDeclaration() {
    Compiled compiled =
        Compiled.compile(
            source("pad", "@WorkerScratch\npublic record pad(byte pad, long struct) {}"),
            source(
                "struct",
                "@WorkerScratch\npublic record struct(byte bytes, pad pad, @Length(2) pad[] struct) {}"));
    StructLayout layout = (StructLayout) compiled.constant("p.structView", "LAYOUT");
    assertThat(layout.name()).hasValue("struct");
    for (String component : List.of("bytes", "pad", "struct")) {
      assertThat(layout.byteOffset(PathElement.groupElement(component))).isEqualTo(
          compiled.constant("p.structView", "OFFSET_" + component.toUpperCase(Locale.ROOT)));
    }
    assertThat(layout.byteSize()).isEqualTo(compiled.constant("p.structView", "SIZE"));
    Object view = view(compiled, "padView");
    Compiled.invoke(view, "struct", 9L);
    assertThat(Compiled.invoke(view, "struct")).isEqualTo(9L);
  }

  /**
   * Classes that a launcher's lambda parameters would obscure: one named {@code context}, and a
   * view qualified with a package named {@code segment} (its simple name is a coordinator class's
   * name). The parameters take other names, and the launchers compile and run.
   */
  @Test
  void classesALaunchersLambdaParametersWouldObscure() throws TaskletException {
    Compiled compiled =
        Compiled.compile(
            JavaFileObjects.forSourceString("segment.S",
                "package segment;\n\n" + IMPORTS + "@SharedState\npublic record S(long total) {}"),
            source("W", "@WorkerScratch\npublic record W(long n) {}"),
            source(
                "context",
                """
                final class context {
                  @Coordinator(workers = 1, maxFuel = 5)
                  static void run(CoordinatorContext<segment.S, W> ctx) {
                    segment.SView.of(ctx.shared()).total(3);
                  }
                }
                """),
            source(
                "SView",
                """
                final class SView {
                  @Tasklet
                  static void tally(TaskletContext<segment.S> ctx) {
                    segment.SView.of(ctx.shared()).total(4);
                  }
                }
                """));
    assertThat(Compiled.invoke(launch(compiled, "contextRunTasklet").shared(), "total"))
        .isEqualTo(3L);
    assertThat(Compiled.invoke(launch(compiled, "SViewTallyTasklet").shared(), "total"))
        .isEqualTo(4L);
  }

  /**
   * In the unnamed package, whose classes have no qualified name, a record named {@code Views}
   * keeps its simple name and the runtime's {@code Views} is the one qualified.
   */
  @Test
  void theUnnamedPackageKeepsTheUserClassesSimpleNames() throws TaskletException {
    Compiled compiled =
        Compiled.compile(
            JavaFileObjects.forSourceString("Mode", "public enum Mode { A, B }"),
            JavaFileObjects.forSourceString(
                "Views", IMPORTS + "@SharedState\npublic record Views(int seen) {}"),
            JavaFileObjects.forSourceString(
                "Counts",
                IMPORTS
                    + "@SharedState\n"
                    + "public record Counts(long total, @Length(2) Views[] views, Mode mode) {}"),
            JavaFileObjects.forSourceString(
                "Lane", IMPORTS + "@WorkerScratch\npublic record Lane(long n) {}"),
            JavaFileObjects.forSourceString(
                "Jobs",
                IMPORTS
                    + """
                    final class Jobs {
                      @Coordinator(workers = 2, maxFuel = 100)
                      static void run(CoordinatorContext<Counts, Lane> ctx) {
                        CountsView.of(ctx.shared()).total(5);
                      }
                    }
                    """));
    TaskletResult<Record> result =
        Compiled.launch(Compiled.invoke(null, compiled.load("JobsRunTasklet"), "builder"));
    assertThat(Compiled.invoke(result.shared(), "total")).isEqualTo(5L);
    Object view = Compiled.invoke(null, compiled.load("CountsView"), "of",
        java.lang.foreign.Arena.ofAuto().allocate(64, 8));
    Object views = Compiled.invoke(view, "views", 1);
    Compiled.invoke(views, "seen", 3);
    Record read = (Record) Compiled.invoke(view, "read");
    Compiled.invoke(view, "write", read);
    assertThat(Compiled.invoke(((Record[]) Compiled.invoke(read, "views"))[1], "seen"))
        .isEqualTo(3);
  }

  @Test
  void aRecordNamedLikeAnotherRecordsView() {
    JavaFileObject foo = source("Foo", "@SharedState\npublic record Foo(long a) {}");
    JavaFileObject fooView = source("FooView", "@SharedState\npublic record FooView(long b) {}");
    Compilation compilation = compile(foo, fooView);
    assertErrorOn(
        compilation,
        foo,
        "the view of record Foo would be p.FooView, but the class p.FooView already exists;"
            + " rename the record, or rename that class",
        "public record Foo(");
    assertErrorOn(
        compilation,
        fooView,
        "class p.FooView has the name of the view of record Foo; rename one of them",
        "public record FooView(");
    assertNothingInGeneratedFiles(compilation);
  }

  @Test
  void aClassNamedAfterARecordWithLayoutIsNoClash() {
    // a record's layout is its view: FooLayout is a name like any other
    JavaFileObject foo = source("Foo", "@WorkerScratch\npublic record Foo(long a) {}");
    JavaFileObject layout = source("FooLayout", "final class FooLayout {}");
    Compilation compilation = compile(foo, layout, TOTALS);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.FooView");
  }

  @Test
  void aTopLevelRecordNamedLikeANestedOnesClasses() {
    JavaFileObject flat = source("A_B", "@SharedState\npublic record A_B(long a) {}");
    JavaFileObject nested =
        source("A", "public class A {\n  @SharedState\n  public record B(long b) {}\n}");
    Compilation compilation = compile(flat, nested);
    assertErrorOn(
        compilation,
        flat,
        "the view of record A_B would be p.A_BView, which is also the view of record A.B",
        "record A_B(");
    assertErrorOn(
        compilation,
        nested,
        "the view of record A.B would be p.A_BView, which is also the view of record A_B",
        "record B(");
    assertNothingInGeneratedFiles(compilation);
  }

  @Test
  void aTopLevelRecordWithADollarNextToANestedOne() {
    JavaFileObject dollar = source("A$B", "@SharedState\npublic record A$B(long a) {}");
    JavaFileObject nested =
        source("A", "public class A {\n  @SharedState\n  public record B(long b) {}\n}");
    Compilation compilation = compile(dollar, nested);
    // Both would be one class file, A$B.class: javac says so before any processor runs. The
    // processor keys records by canonical name, so it would not skip either of them.
    assertErrorOn(compilation, nested, "have the same binary name", "record B(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aLauncherNamedLikeAView() {
    JavaFileObject jobs =
        source(
            "Jobs",
            "final class Jobs {\n  @Tasklet(name = \"TotalsView\")\n"
                + "  static void run(TaskletContext<Totals> ctx) {}\n}\n");
    Compilation compilation = compile(jobs, TOTALS);
    assertErrorOn(
        compilation,
        jobs,
        "the launcher of method Jobs.run would be p.TotalsView, which is also the view of record"
            + " Totals",
        "name = \"TotalsView\"");
    assertErrorOn(
        compilation,
        TOTALS,
        "the view of record Totals would be p.TotalsView, which is also the launcher of method"
            + " Jobs.run",
        "record Totals(");
    assertNothingInGeneratedFiles(compilation);
  }

  // Generated code that did not work

  @Test
  void narrowAtomicsWorkOnTheLaunchersOwnSharedState() throws TaskletException {
    JavaFileObject counts =
        source(
            "Counts",
            "@SharedState\npublic record Counts(long total, Small small, byte last) {}");
    JavaFileObject small =
        source("Small", "@SharedState\npublic record Small(short s, @Length(3) char[] cs) {}");
    JavaFileObject jobs =
        source(
            "Jobs",
            """
            final class Jobs {
              @Coordinator(workers = 2)
              static void run(CoordinatorContext<Counts, Partial> ctx) {
                CountsView counts = CountsView.of(ctx.shared());
                ctx.parallelForWorkers(lane -> {
                  for (int i = 0; i < 1000; i++) {
                    CountsView.COMPONENT_LAST.getAndAdd(counts.segment(), (byte) 1);
                    SmallView.COMPONENT_S.getAndAdd(counts.small().segment(), (short) 1);
                    SmallView.COMPONENT_CS.getAndAdd(counts.small().segment(), 2, (char) 1);
                  }
                });
              }
            }
            """);
    Compiled compiled = Compiled.compile(counts, small, jobs, PARTIAL);
    Record shared = launch(compiled, "JobsRunTasklet").shared();
    assertThat(Compiled.invoke(shared, "last")).isEqualTo((byte) 2000);
    Record smallValue = (Record) Compiled.invoke(shared, "small");
    assertThat(Compiled.invoke(smallValue, "s")).isEqualTo((short) 2000);
    assertThat(((char[]) Compiled.invoke(smallValue, "cs"))[2]).isEqualTo((char) 2000);
  }

  @Test
  void anEnumWithoutConstants() {
    JavaFileObject none = source("None", "public enum None {}");
    JavaFileObject record =
        source("UsesNone", "@WorkerScratch\npublic record UsesNone(None none) {}");
    Compilation compilation = compile(none, record);
    assertErrorOn(
        compilation,
        record,
        "component 'none' of UsesNone: enum None has no constants, so no value of it can be"
            + " stored",
        "None none");
  }

  // Silent

  /** A build tool's wrapper around javac's environment, as Gradle hands to processors. */
  private static final class WrappedEnvironment
      implements javax.annotation.processing.ProcessingEnvironment {
    private final javax.annotation.processing.ProcessingEnvironment delegate;

    WrappedEnvironment(javax.annotation.processing.ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override
    public java.util.Map<String, String> getOptions() {
      return delegate.getOptions();
    }

    @Override
    public javax.annotation.processing.Messager getMessager() {
      return delegate.getMessager();
    }

    @Override
    public javax.annotation.processing.Filer getFiler() {
      return delegate.getFiler();
    }

    @Override
    public javax.lang.model.util.Elements getElementUtils() {
      return delegate.getElementUtils();
    }

    @Override
    public javax.lang.model.util.Types getTypeUtils() {
      return delegate.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return delegate.getSourceVersion();
    }

    @Override
    public java.util.Locale getLocale() {
      return delegate.getLocale();
    }
  }

  @Test
  void aLocalRecordUnderABuildToolsWrappedEnvironment() {
    javax.annotation.processing.Processor wrapped =
        inEnvironment(new LocalDeclarationsProcessor(), WrappedEnvironment::new);
    JavaFileObject outer =
        source(
            "Outer",
            "public class Outer {\n  void run() {\n    @SharedState\n"
                + "    record Local(long count) {}\n  }\n}");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac().withProcessors(wrapped).compile(outer);
    assertErrorOn(compilation, outer, "@SharedState type Local is declared inside code",
        "record Local");
  }

  @Test
  void aLocalRecordAloneInItsCompilation() {
    JavaFileObject outer =
        source(
            "Outer",
            "public class Outer {\n  void run() {\n    @SharedState\n"
                + "    record Local(long count) {}\n  }\n}");
    assertErrorOn(
        compile(outer), outer, "@SharedState type Local is declared inside code", "record Local");
  }

  @Test
  void coordinatorsWhereNoLauncherCanCallThem() {
    JavaFileObject places =
        source(
            "Places",
            """
            public class Places {
              void local() {
                class Local {
                  @Coordinator(workers = 1)
                  static void inLocal(CoordinatorContext<Totals, Partial> ctx) {}
                }
              }
              Object anonymous = new Object() {
                @Tasklet
                static void inAnonymous(TaskletContext<Totals> ctx) {}
              };
              enum Kind {
                ONE {
                  @Tasklet
                  static void inConstant(TaskletContext<Totals> ctx) {}
                }
              }
            }
            """);
    Compilation compilation = compile(places, TOTALS, PARTIAL);
    assertErrorOn(
        compilation,
        places,
        "@Coordinator method inLocal is declared in class Local, which is local to a method",
        "static void inLocal(");
    assertErrorOn(
        compilation,
        places,
        "@Tasklet method inAnonymous is declared in an anonymous class",
        "static void inAnonymous(");
    assertErrorOn(
        compilation,
        places,
        "@Tasklet method inConstant is declared in an anonymous class (or an enum constant's body)",
        "static void inConstant(");
  }

  // Warnings that break -Werror builds

  @Test
  void deprecatedDeclarationsCompileWithoutWarnings() {
    Compiled.compile(
        source(
            "Old",
            "@Deprecated\n@SharedState\npublic record Old(@Deprecated long a, Level level) {}"),
        source("Gone", "@Deprecated(forRemoval = true)\n@WorkerScratch\npublic record Gone(long b) {}"),
        source("Level", "@Deprecated\npublic enum Level { LOW }"),
        source(
            "Holder",
            """
            @Deprecated
            @SuppressWarnings("removal") // its own use of Gone; generated code needs none
            final class Holder {
              @Deprecated(forRemoval = true)
              @Coordinator(workers = 1)
              static void run(CoordinatorContext<Old, Gone> ctx) {}
              @Deprecated
              @Tasklet
              static void alone(TaskletContext<Old> ctx) {}
            }
            """));
  }

  @Test
  void auxiliaryClassesAreErrorsWithAFix() {
    // javac warns about every use of an auxiliary class from another file, and no annotation
    // suppresses that warning: the processor says what to do instead of generating it.
    JavaFileObject main =
        source(
            "Main",
            """
            public final class Main {
              @Coordinator(workers = 1)
              static void run(CoordinatorContext<Totals, Partial> ctx) {}
              @WorkerScratch
              record Scratch(Level level) {}
            }
            @SharedState
            record Aux(long a) {}
            enum Level { LOW }
            final class Jobs {
              @Tasklet
              static void alone(TaskletContext<Totals> ctx) {}
            }
            """);
    Compilation compilation = compile(main, TOTALS, PARTIAL);
    assertErrorOn(
        compilation,
        main,
        "Aux is a second top-level class in another class's file, and javac warns about every"
            + " use of such an auxiliary class from another file, generated ones included; move"
            + " Aux to a file of its own, Aux.java, or nest it in a class",
        "record Aux(");
    assertErrorOn(compilation, main, "move Level to a file of its own", "Level level");
    assertErrorOn(compilation, main, "move Jobs to a file of its own", "static void alone(");
    assertThat(compilation).hadErrorCount(3); // Main.run is fine
    assertNothingInGeneratedFiles(compilation);
  }

  /**
   * Long names (records' of 25 to 40 characters, components' of up to 40): every generated line fits
   * in 100 columns, broken after a comma, an assignment or a parenthesis, and the code compiles
   * strictly and works.
   */
  @Test
  void longNamesKeepGeneratedLinesWithin100Columns() throws Exception {
    String name = "AVeryLongRecordNameForTheSakeOfLineWidth";
    String nested = "NestedRecordWithALongName";
    Compiled compiled =
        Compiled.compile(
            source("WindMode", "public enum WindMode { FIRST_OF_ALL, SECOND_OF_ALL }"),
            source(nested, "@SharedState\npublic record " + nested
                + "(long countOfEverythingSeenByAnyLaneSoFar, byte narrowValue) {}"),
            source(name, "@SharedState\npublic record " + name + "("
                + "long theNumberOfThingsThisComponentHasCounted,"
                + " @Length(12) int[] theCountsOfThingsThisArrayHasSeenSoFar,"
                + " WindMode modeTheLastLaneLeftItIn,"
                + " @Length(2) WindMode[] modesThisRecordHoldsAtOnce,"
                + " " + nested + " theNestedRecordWithItsOwnLongName,"
                + " @Length(2) " + nested + "[] theNestedRecordsWithTheirOwnLongNames) {}"),
            source("LaneScratch" + name, "@WorkerScratch\npublic record LaneScratch" + name
                + "(long everyValueThisLaneHasSeenSoFar, double theSumOfEveryValueSoFar) {}"),
            source("WorkersWithLongNames", "public final class WorkersWithLongNames {\n"
                + "  @Coordinator(workers = 2, maxInputBytes = 16, maxFuel = 1000)\n"
                + "  static void coordinateEveryLaneOfThisLaunch("
                + "CoordinatorContext<" + name + ", LaneScratch" + name + "> ctx) {\n"
                + "    " + name + "View.of(ctx.shared())"
                + ".theNumberOfThingsThisComponentHasCounted(5);\n"
                + "  }\n}\n"));
    for (JavaFileObject file : compiled.compilation().generatedSourceFiles()) {
      for (String line : file.getCharContent(false).toString().split("\n")) {
        assertWithMessage(file.getName() + ": " + line).that(line.length()).isAtMost(100);
      }
    }
    Object view = view(compiled, nested + "View");
    Compiled.invoke(view, "countOfEverythingSeenByAnyLaneSoFar", 3L);
    Record read = (Record) Compiled.invoke(view, "read");
    assertThat(Compiled.invoke(read, "countOfEverythingSeenByAnyLaneSoFar")).isEqualTo(3L);
    TaskletResult<Record> result = launch(compiled,
        "WorkersWithLongNamesCoordinateEveryLaneOfThisLaunchTasklet");
    assertThat(Compiled.invoke(result.shared(),
        "theNumberOfThingsThisComponentHasCounted")).isEqualTo(5L);
  }

  @Test
  void generatedJavadocIsDoclintClean(@TempDir Path directory) throws Exception {
    List<JavaFileObject> sources =
        List.of(
            source(
                "Counts",
                "/** Counts. */\n@SharedState\npublic record Counts(long total,"
                    + " @Length(3) short[] perLane, Mode mode, @Length(2) Mode[] modes, Inner inner,"
                    + " @Length(2) Inner[] inners) {}"),
            source("Mode", "/** Modes. */\npublic enum Mode {\n  /** On. */\n  ON\n}"),
            source("Inner", "/** Inner. */\n@WorkerScratch\npublic record Inner(byte b) {}"),
            // what generated Javadoc names must not resolve to a class of the package
            source(
                "IllegalArgumentException",
                "/** Not the JDK's. */\npublic final class IllegalArgumentException {}"),
            source(
                "Jobs",
                """
                /** Jobs. */
                public final class Jobs {
                  private Jobs() {}
                  @Coordinator(workers = 2, maxInputBytes = 8)
                  static void run(CoordinatorContext<Counts, Inner> ctx) {}
                  @Tasklet
                  static void alone(TaskletContext<Counts> ctx) {}
                }
                """));
    Compilation compilation = Compiled.compile(sources.toArray(JavaFileObject[]::new))
        .compilation();
    // javadoc over the user's sources and the generated ones, as a consumer's build runs it
    List<File> files = new ArrayList<>();
    for (JavaFileObject file : compilation.sourceFiles()) {
      files.add(write(directory.resolve("src"), file));
    }
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      files.add(write(directory.resolve("generated"), file));
    }
    javax.tools.DocumentationTool javadoc = javax.tools.ToolProvider.getSystemDocumentationTool();
    javax.tools.DiagnosticCollector<JavaFileObject> diagnostics =
        new javax.tools.DiagnosticCollector<>();
    try (var manager = javadoc.getStandardFileManager(diagnostics, null, null)) {
      boolean ok =
          javadoc
              .getTask(
                  new java.io.StringWriter(),
                  manager,
                  diagnostics,
                  null,
                  List.of(
                      "-Xdoclint:all",
                      "-quiet",
                      "-d",
                      directory.resolve("doc").toString(),
                      "--class-path",
                      System.getProperty("java.class.path")),
                  manager.getJavaFileObjectsFromFiles(files))
              .call();
      List<String> inGenerated = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        if (diagnostic.getSource() != null
            && diagnostic.getSource().getName().contains("generated")) {
          inGenerated.add(diagnostic.toString());
        }
      }
      assertThat(inGenerated).isEmpty();
      assertThat(ok).isTrue();
    }
  }

  private static File write(Path root, JavaFileObject source) throws java.io.IOException {
    String path = source.toUri().getPath();
    Path file = root.resolve(path.substring(path.indexOf("/p/") + 1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, source.getCharContent(true));
    return file.toFile();
  }

  // Messages

  @Test
  void aBudgetThatCanNeverFit() {
    JavaFileObject jobs =
        source(
            "Jobs",
            """
            final class Jobs {
              @Coordinator(
                  workers = 65_535,
                  maxInputBytes = Long.MAX_VALUE,
                  maxLinearMemory = Long.MAX_VALUE)
              static void run(CoordinatorContext<Totals, Partial> ctx) {}
            }
            """);
    Compilation compilation = compile(jobs, TOTALS, PARTIAL);
    assertErrorOn(
        compilation,
        jobs,
        "so this declaration can never fit; lower maxInputBytes",
        "maxInputBytes = Long.MAX_VALUE");
    assertThat(compilation).hadErrorContaining("is more than any maxLinearMemory can hold");
    for (Diagnostic<?> diagnostic : compilation.errors()) {
      assertThat(diagnostic.getMessage(null)).doesNotContain("raise maxLinearMemory");
    }
  }

  // One writing path

  /** {@code inner}, initialised with the environment {@code wrap} makes of javac's. */
  private static javax.annotation.processing.Processor inEnvironment(
      javax.annotation.processing.Processor inner,
      java.util.function.UnaryOperator<javax.annotation.processing.ProcessingEnvironment> wrap) {
    return new AbstractProcessor() {
      @Override
      public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
        super.init(env);
        inner.init(wrap.apply(env));
      }

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return inner.getSupportedAnnotationTypes();
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return inner.getSupportedSourceVersion();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return inner.process(annotations, round);
      }
    };
  }

  /** The processor, with a filer that fails every file it is asked for with {@code failure}. */
  private static javax.annotation.processing.Processor withFailingFiler(Exception failure) {
    javax.annotation.processing.Filer failing =
        (javax.annotation.processing.Filer) java.lang.reflect.Proxy.newProxyInstance(
            HostileDeclarationsTest.class.getClassLoader(),
            new Class<?>[] {javax.annotation.processing.Filer.class},
            (proxy, method, arguments) -> {
              throw failure;
            });
    return inEnvironment(
        new TaskletProcessor(),
        env ->
            (javax.annotation.processing.ProcessingEnvironment)
                java.lang.reflect.Proxy.newProxyInstance(
                    HostileDeclarationsTest.class.getClassLoader(),
                    new Class<?>[] {javax.annotation.processing.ProcessingEnvironment.class},
                    (proxy, method, arguments) ->
                        method.getName().equals("getFiler")
                            ? failing
                            : method.invoke(env, arguments)));
  }

  @Test
  void aFileThatCannotBeWrittenIsAnErrorOnTheElement() {
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(withFailingFiler(new java.io.IOException("disk full")))
            .compile(TOTALS);
    assertErrorOn(
        compilation,
        TOTALS,
        "could not write p.TotalsView for record Totals: disk full",
        "record Totals(");
  }

  @Test
  void aProcessorBugIsReportedWithItsTrace() {
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(withFailingFiler(new IllegalStateException("broken filer")))
            .compile(TOTALS);
    assertErrorOn(
        compilation,
        TOTALS,
        "the tasklet processor failed on record Totals; this is a bug in the processor, please"
            + " report it with this trace:",
        "record Totals(");
    assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: broken filer");
    assertThat(compilation).hadErrorContaining("\tat ");
  }

  // Builds and tools

  /** A processor that wants {@code @Generated}, as some do: it must still see it. */
  private static final class WantsGenerated extends AbstractProcessor {
    final List<String> seen = new ArrayList<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement annotation : annotations) {
        round.getElementsAnnotatedWith(annotation)
            .forEach(element -> seen.add(element.getSimpleName().toString()));
      }
      return false;
    }
  }

  @Test
  void generatedIsLeftToOtherProcessors() {
    WantsGenerated other = new WantsGenerated();
    List<javax.annotation.processing.Processor> processors =
        new ArrayList<>(Compiled.processors());
    processors.add(other);
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(processors)
            .withOptions(Compiled.STRICT)
            .compile(TOTALS);
    assertThat(compilation).succeeded();
    assertThat(other.seen).containsExactly("TotalsView");
    assertThat(new TaskletProcessor().getSupportedAnnotationTypes())
        .doesNotContain("javax.annotation.processing.Generated");
  }

  @Test
  void gradleKnowsTheProcessorsIncrementalCategory() throws Exception {
    try (var in =
        TaskletProcessor.class
            .getClassLoader()
            .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).contains(TaskletProcessor.class.getName() + ",aggregating");
      assertThat(text).contains(LocalDeclarationsProcessor.class.getName() + ",isolating");
    }
  }

  @Test
  void aStaleLauncherFailsWithAMessageInsteadOfRunning(@TempDir Path directory) throws Exception {
    JavaFileObject jobs =
        source(
            "Jobs",
            "final class Jobs {\n  @Tasklet\n  static void run(TaskletContext<Totals> ctx) {}\n}\n");
    Path before = directory.resolve("before");
    Compiled.writeClasses(Compiled.compile(jobs, TOTALS).compilation(), before);
    // The record changes and is recompiled alone, as a build without incremental compilation
    // does: its view (with its layout) is regenerated, the launcher is not.
    JavaFileObject grown =
        source("Totals", "@SharedState\npublic record Totals(long sum, long count) {}");
    Path after = directory.resolve("after");
    Compiled.writeClasses(
        Compiled.compile(List.of(before.toFile()), grown).compilation(), after);
    Files.delete(before.resolve("p/TotalsView.class"));
    Files.delete(before.resolve("p/Totals.class"));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {after.toUri().toURL(), before.toUri().toURL()},
            HostileDeclarationsTest.class.getClassLoader())) {
      ExceptionInInitializerError stale =
          assertThrows(
              ExceptionInInitializerError.class,
              () -> Class.forName("p.JobsRunTasklet", true, loader));
      assertThat(stale).hasCauseThat().hasMessageThat().contains("Jobs.run");
      assertThat(stale).hasCauseThat().hasMessageThat().contains("rebuild clean");
    }
    assertThat(new File(after.toFile(), "p/JobsRunTasklet.class").exists()).isFalse();
  }

  @Test
  void aLauncherLeftBehindByARenamedMethodFailsLoudly(@TempDir Path directory) throws Exception {
    Path before = directory.resolve("before");
    Compiled.writeClasses(
        Compiled.compile(
                source("Jobs", "final class Jobs {\n  @Tasklet\n"
                    + "  static void run(TaskletContext<Totals> ctx) {}\n}\n"),
                TOTALS)
            .compilation(),
        before);
    Path after = directory.resolve("after");
    Compiled.writeClasses(
        Compiled.compile(
                List.of(before.toFile()),
                source("Jobs", "final class Jobs {\n  @Tasklet\n"
                    + "  static void renamed(TaskletContext<Totals> ctx) {}\n}\n"))
            .compilation(),
        after);
    Files.delete(before.resolve("p/Jobs.class"));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {after.toUri().toURL(), before.toUri().toURL()},
            HostileDeclarationsTest.class.getClassLoader())) {
      Object builder =
          Compiled.invoke(null, Class.forName("p.JobsRunTasklet", true, loader), "builder");
      TaskletException failure = assertThrows(TaskletException.class,
          () -> Compiled.launch(builder));
      assertThat(failure).hasCauseThat().isInstanceOf(NoSuchMethodError.class);
    }
  }
}
