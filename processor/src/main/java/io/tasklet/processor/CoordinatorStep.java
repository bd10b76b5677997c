package io.tasklet.processor;

import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.Tasklet;
import io.tasklet.processor.check.CoordinatorChecker;
import io.tasklet.processor.check.ErrorReporter;
import io.tasklet.processor.check.RecordChecker;
import io.tasklet.processor.write.LauncherWriter;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;

/** Checks every {@code @Coordinator} and {@code @Tasklet} method and generates its launcher. */
final class CoordinatorStep {
  private final ProcessingEnvironment env;
  private final ErrorReporter reporter;
  private final CoordinatorChecker checker;

  CoordinatorStep(ProcessingEnvironment env, ErrorReporter reporter, RecordChecker records) {
    this.env = env;
    this.reporter = reporter;
    this.checker = new CoordinatorChecker(env, reporter, records);
  }

  void process(RoundEnvironment round) {
    if (round.processingOver()) {
      return;
    }
    for (Class<? extends Annotation> annotation : List.of(Coordinator.class, Tasklet.class)) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        checker.check(element, annotation).ifPresent(model -> {
          try {
            LauncherWriter.write(model, element).writeTo(env.getFiler());
          } catch (IOException e) {
            reporter.error("cannot write " + model.simpleName() + ": " + e.getMessage(), element);
          }
        });
      }
    }
  }
}
