package io.tasklet.processor;

import io.tasklet.processor.check.ErrorReporter;
import io.tasklet.processor.check.RecordChecker;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;

/** Generates the layout and view of every {@code @SharedState} and {@code @WorkerScratch} record. */
final class RecordStep {
  private final ProcessingEnvironment env;
  private final ErrorReporter reporter;
  private final RecordChecker checker;

  RecordStep(ProcessingEnvironment env, ErrorReporter reporter, RecordChecker checker) {
    this.env = env;
    this.reporter = reporter;
    this.checker = checker;
  }

  void process(RoundEnvironment round) {
    if (round.processingOver()) {
      return;
    }
    throw new UnsupportedOperationException("not implemented: " + env + reporter + checker);
  }
}
