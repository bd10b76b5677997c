package io.tasklet.processor;

import com.palantir.javapoet.JavaFile;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.processor.check.ErrorReporter;
import io.tasklet.processor.check.RecordChecker;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.write.LayoutReportWriter;
import io.tasklet.processor.write.LayoutWriter;
import io.tasklet.processor.write.ViewWriter;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates the layout, view and layout report of every {@code @SharedState} and
 * {@code @WorkerScratch} record.
 *
 * <p>A record whose component types do not exist yet (another processor may generate them) is
 * put off to the next round; if they never appear, javac reports the missing types itself.
 */
final class RecordStep {
  private final ProcessingEnvironment env;
  private final ErrorReporter reporter;
  private final RecordChecker checker;
  private final LocalDeclarations locals;
  /** Binary names of the records whose classes have been written or found wanting. */
  private final Set<String> done = new HashSet<>();
  /** Canonical names of the records put off to the next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  RecordStep(ProcessingEnvironment env, ErrorReporter reporter, RecordChecker checker) {
    this.env = env;
    this.reporter = reporter;
    this.checker = checker;
    this.locals = LocalDeclarations.of(env);
  }

  void process(RoundEnvironment round) {
    if (round.processingOver()) {
      return;
    }
    Map<String, TypeElement> records = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement record = env.getElementUtils().getTypeElement(name);
      if (record != null) {
        records.put(key(record), record);
      }
    }
    deferred.clear();
    locals.reportLocal(round, List.of(SharedState.class, WorkerScratch.class));
    for (Class<?> annotation : new Class<?>[] {SharedState.class, WorkerScratch.class}) {
      TypeElement annotationType =
          env.getElementUtils().getTypeElement(annotation.getCanonicalName());
      if (annotationType == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotationType)) {
        if (element instanceof TypeElement record) {
          records.putIfAbsent(key(record), record);
        }
      }
    }
    for (Map.Entry<String, TypeElement> entry : records.entrySet()) {
      if (done.contains(entry.getKey())) {
        continue;
      }
      TypeElement record = entry.getValue();
      Optional<RecordModel> model = checker.check(record);
      if (model.isEmpty() && checker.waitsForTypes(record)) {
        deferred.add(record.getQualifiedName().toString());
        continue;
      }
      done.add(entry.getKey());
      model.ifPresent(m -> write(m, record));
    }
  }

  private void write(RecordModel model, TypeElement record) {
    try {
      JavaFile layout = LayoutWriter.write(model, record);
      JavaFile view = ViewWriter.write(model, record);
      layout.writeTo(env.getFiler());
      view.writeTo(env.getFiler());
      LayoutReportWriter.write(env.getFiler(), model, record);
    } catch (IOException | RuntimeException e) {
      reporter.error(
          "could not write the layout and view of " + model.displayName() + ": " + e, record);
    }
  }

  private String key(TypeElement record) {
    return env.getElementUtils().getBinaryName(record).toString();
  }
}
