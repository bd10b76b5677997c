package io.tasklet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every way to get a {@code @Coordinator} or {@code @Tasklet} declaration wrong. */
class CoordinatorErrorsTest {
  static final JavaFileObject TOTALS = JavaFileObjects.forSourceString("demo.Totals", """
      package demo;
      import io.tasklet.annotations.SharedState;
      @SharedState
      record Totals(long sum, long count) {}
      """);
  static final JavaFileObject PARTIAL = JavaFileObjects.forSourceString("demo.Partial", """
      package demo;
      import io.tasklet.annotations.Length;
      import io.tasklet.annotations.WorkerScratch;
      @WorkerScratch
      record Partial(@Length(256) long[] sums) {}
      """);
  static final JavaFileObject PLAIN = JavaFileObjects.forSourceString("demo.Plain", """
      package demo;
      record Plain(long sum) {}
      """);

  /** Compiles class {@code Jobs} of package demo, whose body is {@code body}. */
  static Compilation compile(String body) {
    JavaFileObject jobs = JavaFileObjects.forSourceString("demo.Jobs", """
        package demo;
        import io.tasklet.annotations.Coordinator;
        import io.tasklet.annotations.Tasklet;
        import io.tasklet.runtime.CoordinatorContext;
        import io.tasklet.runtime.TaskletContext;
        final class Jobs {
        """ + body + "\n}\n");
    return Compiled.compiler().compile(jobs, TOTALS, PARTIAL, PLAIN);
  }

  private static void assertError(String body, String message, String line) {
    Compilation compilation = compile(body);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(jobsFile(compilation))
        .onLineContaining(line);
  }

  private static JavaFileObject jobsFile(Compilation compilation) {
    return compilation.sourceFiles().stream()
        .filter(f -> f.getName().endsWith("Jobs.java")).findFirst().orElseThrow();
  }

  @Test
  void aValidDeclarationCompilesWithoutWarnings() {
    assertThat(compile("""
          @Coordinator(workers = 4)
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
          @Tasklet
          static void alone(TaskletContext<Totals> ctx) {}
        """)).succeededWithoutWarnings();
  }

  @Test
  void mustBeStatic() {
    assertError("""
          @Coordinator(workers = 4)
          void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "@Coordinator method sum must be static: static void sum(CoordinatorContext<S, W> ctx)",
        "void sum(");
  }

  @Test
  void mustReturnVoid() {
    assertError("""
          @Coordinator(workers = 4)
          static long sum(CoordinatorContext<Totals, Partial> ctx) { return 0; }
        """, "@Coordinator method sum must return void", "static long sum(");
  }

  @Test
  void mustNotBeGeneric() {
    assertError("""
          @Coordinator(workers = 4)
          static <T> void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "@Coordinator method sum must not be generic", "static <T> void sum(");
  }

  @Test
  void mustTakeExactlyOneContext() {
    assertError("""
          @Coordinator(workers = 4)
          static void sum(CoordinatorContext<Totals, Partial> ctx, int extra) {}
        """, "must take exactly one parameter, a CoordinatorContext<S, W> where S is a"
            + " @SharedState record and W a @WorkerScratch record; it takes 2",
        "static void sum(");
    assertError("""
          @Tasklet
          static void alone() {}
        """, "@Tasklet method alone must take exactly one parameter, a TaskletContext<S>",
        "static void alone(");
  }

  @Test
  void theParameterMustBeTheRightContext() {
    assertError("""
          @Coordinator(workers = 4)
          static void sum(TaskletContext<Totals> ctx) {}
        """, "must be a CoordinatorContext<S, W>, not io.tasklet.runtime.TaskletContext<demo.Totals>"
            + " (TaskletContext<S> belongs to @Tasklet)", "static void sum(");
    assertError("""
          @Tasklet
          static void alone(CoordinatorContext<Totals, Partial> ctx) {}
        """, "(CoordinatorContext<S, W> belongs to @Coordinator)", "static void alone(");
  }

  @Test
  void theContextMustNotBeRaw() {
    assertError("""
          @SuppressWarnings("rawtypes")
          @Coordinator(workers = 4)
          static void sum(CoordinatorContext ctx) {}
        """, "is a raw CoordinatorContext; write CoordinatorContext<S, W> with the records it uses",
        "static void sum(");
  }

  @Test
  void typeArgumentsMustBeAnnotatedRecordsNotWildcards() {
    assertError("""
          @Coordinator(workers = 4)
          static void sum(CoordinatorContext<?, Partial> ctx) {}
        """, "S must be a @SharedState record, not ?; name the record itself", "static void sum(");
    assertError("""
          @Coordinator(workers = 4)
          static void sum(CoordinatorContext<Plain, Partial> ctx) {}
        """, "S must be a @SharedState record, but demo.Plain is not; annotate Plain with"
            + " @SharedState", "static void sum(");
    assertError("""
          @Coordinator(workers = 4)
          static void sum(CoordinatorContext<Totals, Totals> ctx) {}
        """, "W must be a @WorkerScratch record, but demo.Totals is not", "static void sum(");
    assertError("""
          @Coordinator(workers = 4)
          static void sum(CoordinatorContext<Totals, String> ctx) {}
        """, "W must be a @WorkerScratch record, but java.lang.String is not; declare a record"
            + " annotated @WorkerScratch", "static void sum(");
  }

  @Test
  void workersMustBeInRange() {
    assertError("""
          @Coordinator(
              maxFuel = 10,
              workers = 0)
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "workers must be between 1 and 65535, was 0", "workers = 0");
    assertError("""
          @Coordinator(workers = 70_000)
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "workers must be between 1 and 65535, was 70000", "workers = 70_000");
  }

  @Test
  void sizesAndFuelMustNotBeNegative() {
    assertError("""
          @Coordinator(workers = 2,
              maxInputBytes = -1)
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "maxInputBytes must not be negative, was -1", "maxInputBytes = -1");
    assertError("""
          @Tasklet(
              maxOutputBytes = -8)
          static void alone(TaskletContext<Totals> ctx) {}
        """, "maxOutputBytes must not be negative, was -8", "maxOutputBytes = -8");
    assertError("""
          @Coordinator(workers = 2,
              maxFuel = -2)
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "maxFuel must be a pool of 0 or more units, or NO_FUEL (-1) for no pool; was -2",
        "maxFuel = -2");
  }

  @Test
  void theLauncherMustBeAbleToCallTheMethod() {
    assertError("""
          @Coordinator(workers = 2)
          private static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "@Coordinator method sum must not be private: its generated launcher calls it from"
            + " the same package", "private static void sum(");
    assertError("""
          private static final class Hidden {
            @Coordinator(workers = 2)
            static void sum(CoordinatorContext<Totals, Partial> ctx) {}
          }
        """, "@Coordinator method sum cannot be called by its generated launcher: class Hidden is"
            + " private; make it package-private or public", "static void sum(");
  }

  @Test
  void twoMethodsCannotGenerateTheSameLauncher() {
    assertError("""
          @Coordinator(workers = 2, name = "Summing")
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
          @Tasklet(name = "Summing")
          static void alone(TaskletContext<Totals> ctx) {}
        """, "the launcher of method Jobs.alone would be demo.Summing, which is also the launcher"
            + " of method Jobs.sum; give the method another name = \"...\", or give that method"
            + " another name", "@Tasklet(name = \"Summing\")");
    assertError("""
          @Coordinator(workers = 2, name = "Jobs")
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "the launcher of method Jobs.sum would be demo.Jobs, but the class demo.Jobs already"
            + " exists; give the method another name = \"...\", or rename that class",
        "name = \"Jobs\"");
    assertError("""
          @Coordinator(workers = 2, name = "not a name")
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "name must be a simple Java class name, was \"not a name\"", "name = \"not a name\"");
  }

  @Test
  void aBudgetThatCannotFitIsAnErrorOnTheAttributeThatBreaksIt() {
    // Totals: 16 B; Partial: 2,048 B; the input region starts at 64.
    assertError("""
          @Coordinator(
              workers = 4,
              maxInputBytes = 1 << 20,
              maxLinearMemory = 1 << 20)
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "linear memory budget exceeded: shared 16 B + input 1,048,576 B + 4 lanes x 2,048 B"
            + " scratch + 48 B alignment = 1,056,832 B > maxLinearMemory 1,048,576 B; raise"
            + " maxLinearMemory to at least 1,056,832, or lower maxInputBytes, maxOutputBytes or"
            + " workers", "maxInputBytes = 1 << 20");
    assertError("""
          @Coordinator(
              workers = 65_535,
              maxLinearMemory = 1 << 24)
          static void sum(CoordinatorContext<Totals, Partial> ctx) {}
        """, "65,535 lanes x 2,048 B scratch", "workers = 65_535");
    assertError("""
          @Tasklet(maxOutputBytes = 1L << 40)
          static void alone(TaskletContext<Totals> ctx) {}
        """, "output 1,099,511,627,776 B", "maxOutputBytes = 1L << 40");
  }
}
