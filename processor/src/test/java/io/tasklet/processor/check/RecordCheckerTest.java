package io.tasklet.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.tasklet.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The checker as records and coordinators share it: memoized, each report printed once. */
class RecordCheckerTest {

  /** Checks every @SharedState record twice, as the record and coordinator steps both do. */
  private static final class CheckTwice extends AbstractProcessor {
    final List<Checked<RecordModel>> first = new ArrayList<>();
    final List<Checked<RecordModel>> second = new ArrayList<>();
    private RecordChecker checker;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      checker = new RecordChecker(env);
    }

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
      for (TypeElement annotation : annotations) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          first.add(checker.check((TypeElement) element));
        }
        for (Checked<RecordModel> result : first) {
          if (result instanceof Checked.Invalid<RecordModel> invalid) {
            invalid.report().printTo(processingEnv);
          }
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          second.add(checker.check((TypeElement) element));
        }
        for (Checked<RecordModel> result : second) {
          if (result instanceof Checked.Invalid<RecordModel> invalid) {
            invalid.report().printTo(processingEnv); // printed already: no-op
          }
        }
      }
      return true;
    }
  }

  @Test
  void checksOnceAndReportsOnce() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "p.Records",
            """
            package p;

            import io.tasklet.annotations.*;

            class Records {
              @SharedState record Bad(
                  String name) {}
              @SharedState record UsesBad(
                  Bad bad) {}
              @SharedState record Good(long count, Levels.Level level) {}
            }
            """);
    JavaFileObject level =
        JavaFileObjects.forSourceString(
            "p.Levels", "package p;\n\nclass Levels {\n  enum Level { LOW, HIGH }\n}");
    CheckTwice processor = new CheckTwice();
    Compilation compilation = javac().withProcessors(processor).compile(source, level);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("component 'name' of Records.Bad: String cannot be laid out")
        .inFile(source)
        .onLineContaining("String name");
    assertThat(compilation)
        .hadErrorContaining("component 'bad' of Records.UsesBad: record Records.Bad cannot be laid out")
        .inFile(source)
        .onLineContaining("Bad bad");
    assertThat(processor.first).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(processor.second.get(i)).isSameInstanceAs(processor.first.get(i));
    }
    assertThat(processor.first.stream().filter(c -> c instanceof Checked.Valid).count())
        .isEqualTo(1);
  }
}
