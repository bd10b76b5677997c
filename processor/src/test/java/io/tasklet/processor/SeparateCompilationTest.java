package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.tasklet.processor.Compiled.invoke;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record nesting another from a different compilation unit, and from class files only. */
class SeparateCompilationTest {
  private static final JavaFileObject LEVEL =
      JavaFileObjects.forSourceString("q.Level", "package q;\n\npublic enum Level { LOW, HIGH }");
  private static final JavaFileObject INNER =
      JavaFileObjects.forSourceString(
          "q.Inner",
          """
          package q;

          import io.tasklet.annotations.Length;
          import io.tasklet.annotations.SharedState;

          @SharedState
          public record Inner(Level level, @Length(3) short[] samples, long total) {}
          """);
  private static final JavaFileObject OUTER =
      JavaFileObjects.forSourceString(
          "p.Outer",
          """
          package p;

          import io.tasklet.annotations.Length;
          import io.tasklet.annotations.WorkerScratch;
          import q.Inner;
          import q.Level;

          @WorkerScratch
          public record Outer(byte tag,
              Inner first,
              @Length(2) Inner[] more,
              Level level) {}
          """);

  @Test
  void nestedRecordInAnotherCompilationUnit() {
    Compiled compiled = Compiled.compile(LEVEL, INNER, OUTER);
    checkOuter(compiled);
  }

  @Test
  void nestedRecordAndEnumFromClassFilesOnly(@TempDir Path classes) throws Exception {
    Compiled.writeClasses(Compiled.compile(LEVEL, INNER).compilation(), classes);
    Compiled compiled = Compiled.compile(List.of(classes.toFile()), OUTER);
    assertThat(compiled.compilation().generatedSourceFiles()).hasSize(1); // OuterView
    checkOuter(compiled);
  }

  @Test
  void nestedRecordCompiledWithoutTheProcessor(@TempDir Path classes) throws Exception {
    Compilation plain = javac().withOptions("-proc:none").compile(LEVEL, INNER);
    assertThat(plain).succeeded();
    Compiled.writeClasses(plain, classes);
    Compilation compilation =
        Compiled.compiler()
            .withClasspath(Compiled.withTestClasspath(List.of(classes.toFile())))
            .compile(OUTER);
    assertThat(compilation)
        .hadErrorContaining(
            "component 'first' of Outer: record Inner comes from a class file without its"
                + " generated InnerView; compile Inner with the tasklet annotation processor")
        .inFile(OUTER)
        .onLineContaining("Inner first");
  }

  private static void checkOuter(Compiled compiled) {
    // Inner: level (1 byte) at 0, samples (3 x 2 bytes) at 2, total at 8; size 16, alignment 8.
    assertThat(compiled.constant("q.InnerView", "SIZE")).isEqualTo(16L);
    assertThat(compiled.constant("q.InnerView", "OFFSET_TOTAL")).isEqualTo(8L);
    // Outer: tag at 0, first at 8, more at 24 (2 x 16), level at 56; size 64.
    assertThat(compiled.constant("p.OuterView", "OFFSET_FIRST")).isEqualTo(8L);
    assertThat(compiled.constant("p.OuterView", "OFFSET_MORE")).isEqualTo(24L);
    assertThat(compiled.constant("p.OuterView", "OFFSET_LEVEL")).isEqualTo(56L);
    assertThat(compiled.constant("p.OuterView", "SIZE")).isEqualTo(64L);
    StructLayout layout = (StructLayout) compiled.constant("p.OuterView", "LAYOUT");
    assertThat(
            layout.byteOffset(
                PathElement.groupElement("more"),
                PathElement.sequenceElement(1),
                PathElement.groupElement("total")))
        .isEqualTo(24 + 16 + 8);

    try (Arena arena = Arena.ofConfined()) {
      MemorySegment memory = arena.allocate(64, 8);
      Object outer = invoke(null, compiled.load("p.OuterView"), "of", memory);
      Object second = invoke(outer, "more", 1);
      invoke(second, "samples", 2, (short) -4);
      Compiled.operation(second, "total", "getAndAdd", 10L);
      invoke(second, "level", compiled.load("q.Level").getEnumConstants()[1]);
      Object read = invoke(outer, "read");
      assertThat(read.toString()).contains("level=LOW");
      Object more = invoke(read, "more");
      Object secondRead = Array.get(more, 1);
      assertThat(invoke(secondRead, "total")).isEqualTo(10L);
      assertThat(invoke(secondRead, "level").toString()).isEqualTo("HIGH");
      assertThat(((short[]) invoke(secondRead, "samples"))[2]).isEqualTo((short) -4);
      invoke(outer, "write", read);
      assertThat(RecordValues.deepEquals(invoke(outer, "read"), read)).isTrue();
    }
  }
}
