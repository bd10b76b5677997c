package io.tasklet.processor;

import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.Tasklet;
import io.tasklet.processor.check.CoordinatorChecker;
import io.tasklet.processor.check.ErrorReporter;
import io.tasklet.processor.check.RecordChecker;
import io.tasklet.processor.model.LauncherModel;
import io.tasklet.processor.write.LauncherWriter;
import io.tasklet.processor.write.LayoutReportWriter;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks every {@code @Coordinator} and {@code @Tasklet} method and generates its launcher and
 * the report of its memory plan.
 *
 * <p>A method whose records wait for component types that do not exist yet is put off to the
 * next round, as {@link RecordStep} does with the records themselves.
 */
final class CoordinatorStep {
  private final ProcessingEnvironment env;
  private final ErrorReporter reporter;
  private final CoordinatorChecker checker;
  /** Methods put off to the next round. */
  private final List<Deferred> deferred = new ArrayList<>();

  /** A method put off to the next round, by names, since elements do not outlive a round. */
  private record Deferred(
      String type, String method, Class<? extends Annotation> annotation) {}

  CoordinatorStep(ProcessingEnvironment env, ErrorReporter reporter, RecordChecker records) {
    this.env = env;
    this.reporter = reporter;
    this.checker = new CoordinatorChecker(env, reporter, records);
  }

  void process(RoundEnvironment round) {
    if (round.processingOver()) {
      return;
    }
    List<Deferred> again = List.copyOf(deferred);
    deferred.clear();
    for (Deferred method : again) {
      TypeElement type = env.getElementUtils().getTypeElement(method.type());
      if (type == null) {
        continue;
      }
      for (Element member : type.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD
            && member.getSimpleName().contentEquals(method.method())
            && member.getAnnotation(method.annotation()) != null) {
          process(member, method.annotation());
        }
      }
    }
    for (Class<? extends Annotation> annotation : List.of(Coordinator.class, Tasklet.class)) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        process(element, annotation);
      }
    }
  }

  private void process(Element element, Class<? extends Annotation> annotation) {
    Optional<LauncherModel> model = checker.check(element, annotation);
    if (model.isEmpty()) {
      if (checker.waitsForTypes(element)
          && element.getEnclosingElement() instanceof TypeElement type) {
        deferred.add(new Deferred(type.getQualifiedName().toString(),
            element.getSimpleName().toString(), annotation));
      }
      return;
    }
    try {
      LauncherWriter.write(model.get(), element).writeTo(env.getFiler());
      LayoutReportWriter.write(env.getFiler(), model.get(), element);
    } catch (IOException e) {
      reporter.error("cannot write " + model.get().simpleName() + ": " + e.getMessage(), element);
    }
  }
}
