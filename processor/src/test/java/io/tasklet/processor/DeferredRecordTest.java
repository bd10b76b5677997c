package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.tasklet.runtime.Declaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Records whose component types another processor generates are laid out a round later. */
class DeferredRecordTest {

  /** Generates enum p.Later in the first round, as some other processor might. */
  private static final class GeneratesLater extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("io.tasklet.annotations.SharedState");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("p.Later").openWriter()) {
          out.write("package p;\n\npublic enum Later { SOON, EVENTUALLY }\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void componentTypeGeneratedInALaterRound() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "p.UsesLater",
            """
            package p;

            import io.tasklet.annotations.*;

            @SharedState
            public record UsesLater(long count, Later later, @Length(3) Later[] laters) {}
            """);
    Compiled compiled =
        Compiled.of(
            Compiled.compiler()
                .withProcessors(new GeneratesLater(), new TaskletProcessor())
                .compile(source));
    assertThat(compiled.constant("p.UsesLaterView", "OFFSET_LATERS")).isEqualTo(9L);
    assertThat(compiled.constant("p.UsesLaterView", "SIZE")).isEqualTo(16L);
  }

  @Test
  void aCoordinatorOverSuchARecordIsGeneratedARoundLater() {
    JavaFileObject record = JavaFileObjects.forSourceString("p.UsesLater", """
        package p;
        import io.tasklet.annotations.*;
        @SharedState
        public record UsesLater(long count, Later later) {}
        """);
    JavaFileObject scratch = JavaFileObjects.forSourceString("p.Nothing", """
        package p;
        import io.tasklet.annotations.*;
        @WorkerScratch
        public record Nothing() {}
        """);
    JavaFileObject jobs = JavaFileObjects.forSourceString("p.Jobs", """
        package p;
        import io.tasklet.annotations.Coordinator;
        import io.tasklet.runtime.CoordinatorContext;
        final class Jobs {
          @Coordinator(workers = 2)
          static void run(CoordinatorContext<UsesLater, Nothing> ctx) {}
        }
        """);
    Compiled compiled = Compiled.of(Compiled.compiler()
        .withProcessors(new GeneratesLater(), new TaskletProcessor())
        .compile(record, scratch, jobs));
    assertThat(((Declaration<?>) compiled.constant("p.JobsRunTasklet", "DECLARATION"))
        .sharedBytes()).isEqualTo(16L);
  }

  @Test
  void componentTypeThatNeverAppearsIsLeftToJavac() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "p.UsesMissing",
            """
            package p;

            import io.tasklet.annotations.*;

            @SharedState
            public record UsesMissing(long count, Missing missing) {}
            """);
    Compilation compilation = Compiled.compiler().compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing missing");
  }
}
