package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every way a record can be unfit for linear memory, as the user sees it: one compile error. */
class RecordErrorsTest {

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString(
        "p." + name, "package p;\n\nimport io.tasklet.annotations.*;\n\n" + body);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return Compiled.compiler().compile(sources);
  }

  private static void assertError(String name, String body, String message, String line) {
    JavaFileObject source = source(name, body);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  @Test
  void annotatedClass() {
    assertError(
        "Counter",
        "@SharedState\npublic final class Counter { long count; }",
        "@SharedState applies to records only, and Counter is a class; declare it as a record",
        "class Counter");
  }

  @Test
  void annotatedInterface() {
    assertError(
        "Scratch",
        "@WorkerScratch\npublic interface Scratch {}",
        "@WorkerScratch applies to records only, and Scratch is an interface",
        "interface Scratch");
  }

  @Test
  void annotatedEnum() {
    assertError(
        "Mode",
        "@SharedState\npublic enum Mode { ON, OFF }",
        "@SharedState applies to records only, and Mode is an enum",
        "enum Mode");
  }

  @Test
  void bothAnnotations() {
    assertError(
        "Both",
        "@SharedState @WorkerScratch\npublic record Both(long count) {}",
        "Both is annotated both @SharedState and @WorkerScratch",
        "record Both");
  }

  @Test
  void genericRecord() {
    assertError(
        "Box",
        "@SharedState\npublic record Box<T>(long count) {}",
        "@SharedState record Box is generic; a layout needs fixed component types",
        "record Box");
  }

  @Test
  void privateRecord() {
    assertError(
        "Outer",
        "public class Outer {\n  @SharedState\n  private record Hidden(long count) {}\n}",
        "Outer.Hidden is private; make it package-private or public",
        "record Hidden");
  }

  @Test
  void recordInPrivateClass() {
    assertError(
        "Outer",
        "public class Outer {\n  private static class Inner {\n"
            + "    @WorkerScratch\n    record Hidden(long count) {}\n  }\n}",
        "Outer.Inner.Hidden is nested in a class Inner, which is private",
        "record Hidden");
  }

  @Test
  void localRecord() {
    assertError(
        "Outer",
        "public class Outer {\n  void run() {\n    @SharedState\n    record Local(long count) {}\n"
            + "  }\n\n  @SharedState record Member(long count) {}\n}",
        "@SharedState type Local is declared inside code (a method, lambda, initializer or"
            + " anonymous class), where its generated LocalLayout and LocalView cannot reach it",
        "record Local");
  }

  @Test
  void recordInAnonymousClass() {
    assertError(
        "Outer",
        "public class Outer {\n  Object o = new Object() {\n"
            + "    @io.tasklet.annotations.WorkerScratch\n    record InAnonymous(long count) {}\n"
            + "  };\n\n  @SharedState record Member(long count) {}\n}",
        "@WorkerScratch type InAnonymous is declared inside code",
        "record InAnonymous");
  }

  @Test
  void stringComponent() {
    assertError(
        "Named",
        "@SharedState\npublic record Named(long id,\n    String name) {}",
        "component 'name' of Named: String cannot be laid out in linear memory; use @Length(n)"
            + " byte[] or char[]",
        "String name");
  }

  @Test
  void boxedComponent() {
    assertError(
        "Boxed",
        "@SharedState\npublic record Boxed(\n    Long count) {}",
        "component 'count' of Boxed: Long cannot be laid out in linear memory; use long",
        "Long count");
  }

  @Test
  void collectionComponent() {
    assertError(
        "Listed",
        "@SharedState\npublic record Listed(\n    java.util.List<Long> counts) {}",
        "component 'counts' of Listed: List cannot be laid out in linear memory; use a @Length(n)"
            + " array",
        "List<Long> counts");
  }

  @Test
  void objectComponent() {
    assertError(
        "Anything",
        "@WorkerScratch\npublic record Anything(\n    Object thing) {}",
        "component 'thing' of Anything: Object cannot be laid out in linear memory; use a"
            + " primitive, an enum",
        "Object thing");
  }

  @Test
  void interfaceComponent() {
    assertError(
        "Task",
        "@WorkerScratch\npublic record Task(\n    Runnable body) {}",
        "component 'body' of Task: Runnable cannot be laid out in linear memory",
        "Runnable body");
  }

  @Test
  void atomicComponent() {
    assertError(
        "Counter",
        "@SharedState\npublic record Counter(\n    java.util.concurrent.atomic.AtomicLong hits) {}",
        "AtomicLong cannot be laid out in linear memory; use long: the views of @SharedState"
            + " records update it atomically",
        "AtomicLong hits");
  }

  @Test
  void multiDimensionalArray() {
    assertError(
        "Grid",
        "@SharedState\npublic record Grid(\n    @Length(4) int[][] cells) {}",
        "component 'cells' of Grid: int[][]: multi-dimensional arrays cannot be laid out; use one"
            + " @Length(rows * columns) int[]",
        "int[][] cells");
  }

  @Test
  void arrayWithoutLength() {
    assertError(
        "Bins",
        "@SharedState\npublic record Bins(\n    long[] bins) {}",
        "component 'bins' of Bins: an array component needs @Length(n) to fix its number of"
            + " elements, as in @Length(16) long[] bins",
        "long[] bins");
  }

  @Test
  void zeroLength() {
    assertError(
        "Bins",
        "@SharedState\npublic record Bins(\n    @Length(0) long[] bins) {}",
        "component 'bins' of Bins: @Length(0) must be at least 1",
        "@Length(0) long[] bins");
  }

  @Test
  void negativeLength() {
    assertError(
        "Bins",
        "@SharedState\npublic record Bins(\n    @Length(-3) long[] bins) {}",
        "component 'bins' of Bins: @Length(-3) must be at least 1",
        "@Length(-3) long[] bins");
  }

  @Test
  void lengthOnScalar() {
    assertError(
        "Count",
        "@SharedState\npublic record Count(\n    @Length(4) long count) {}",
        "component 'count' of Count: @Length applies to array components only, but its type is"
            + " long; remove @Length",
        "@Length(4) long count");
  }

  @Test
  void unannotatedNestedRecord() {
    assertError(
        "Outer",
        "@SharedState\npublic record Outer(\n    Point origin) {\n"
            + "  public record Point(int x, int y) {}\n}",
        "component 'origin' of Outer: record Outer.Point is not annotated, so it has no layout to"
            + " nest; annotate Outer.Point with @SharedState or @WorkerScratch",
        "Point origin");
  }

  @Test
  void recordNestingItself() {
    assertError(
        "Node",
        "@SharedState\npublic record Node(long value,\n    Node next) {}",
        "component 'next' of Node: record Node contains itself (Node -> Node); a record cannot"
            + " nest itself",
        "Node next");
  }

  @Test
  void recordsNestingEachOther() {
    JavaFileObject source =
        source(
            "Outer",
            "public class Outer {\n"
                + "  @SharedState record A(long a,\n      B inA) {}\n"
                + "  @SharedState record B(long b,\n      C inB) {}\n"
                + "  @SharedState record C(\n      A inC) {}\n"
                + "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "component 'inC' of Outer.C: record Outer.A contains itself (Outer.A -> Outer.B ->"
                + " Outer.C -> Outer.A)")
        .inFile(source)
        .onLineContaining("A inC");
    assertThat(compilation)
        .hadErrorContaining("component 'inA' of Outer.A: record Outer.B cannot be laid out")
        .inFile(source)
        .onLineContaining("B inA");
  }

  @Test
  void layoutLargerThanLinearMemory() {
    assertError(
        "Huge",
        "@SharedState\npublic record Huge(@Length(536870911) long[] a,\n"
            + "    @Length(2) long[] b) {}",
        "Huge takes 4,294,967,304 bytes, more than the 4,294,967,295 bytes of linear memory",
        "record Huge");
  }

  @Test
  void layoutLargerThanLinearMemoryThroughNesting() {
    JavaFileObject source =
        source(
            "Outer",
            "public class Outer {\n"
                + "  @WorkerScratch record Big(@Length(536870911) long[] a) {}\n"
                + "  @WorkerScratch record Bigger(\n"
                + "      @Length(2147483647) Big[] bigs, @Length(2147483647) Big[] more) {}\n"
                + "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Outer.Bigger takes more than 9,223,372,036,854,775,807 bytes, more than the"
                + " 4,294,967,295 bytes of linear memory")
        .inFile(source)
        .onLineContaining("record Bigger");
  }

  @Test
  void componentNamedLikeAViewMethod() {
    assertError(
        "Buffer",
        "@WorkerScratch\npublic record Buffer(long read,\n    long segment) {}",
        "component 'segment' of Buffer: the name clashes with BufferView.segment(); rename the"
            + " component",
        "long segment");
  }

  @Test
  void componentsWithTheSameConstantName() {
    assertError(
        "Stats",
        "@WorkerScratch\npublic record Stats(long bytesSeen,\n    long bytes_seen) {}",
        "component 'bytes_seen' of Stats: its layout constant OFFSET_BYTES_SEEN would be the same"
            + " as that of component 'bytesSeen'; rename one of them",
        "long bytes_seen");
  }

  @Test
  void privateEnum() {
    assertError(
        "Light",
        "@SharedState\npublic record Light(\n    Color color) {\n"
            + "  private enum Color { RED, GREEN }\n}",
        "component 'color' of Light: enum Light.Color cannot be reached: Light.Color is private",
        "Color color");
  }

  @Test
  void errorsInOneRecordLeaveTheOthersAlone() {
    JavaFileObject bad = source("Bad", "@SharedState\npublic record Bad(\n    String name) {}");
    JavaFileObject good = source("Good", "@SharedState\npublic record Good(long count) {}");
    JavaFileObject user =
        source(
            "User",
            "class User {\n  long count(java.lang.foreign.MemorySegment memory) {\n"
                + "    return GoodView.of(memory).count() + GoodView.SIZE;\n  }\n}");
    Compilation compilation = compile(bad, good, user);
    assertThat(compilation).hadErrorContaining("component 'name' of Bad");
    assertThat(compilation).hadErrorCount(1); // User found GoodView and GoodView
  }

  @Test
  void everyProblemOfARecordIsReported() {
    JavaFileObject source =
        source(
            "Many",
            "@SharedState\npublic record Many(\n    String name,\n    long[] bins,\n"
                + "    @Length(2) int count) {}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation.errors()).hasSize(3);
  }
}
