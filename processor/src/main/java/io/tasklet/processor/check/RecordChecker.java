package io.tasklet.processor.check;

import io.tasklet.processor.model.RecordModel;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * Turns a record element into a {@link RecordModel}, or into errors.
 *
 * <p>CONTRACT: {@link #check} is memoized per record and reports each record's errors once, so
 * both the record step and the coordinator step may ask for the same record.
 */
public final class RecordChecker {
  private final ProcessingEnvironment env;
  private final ErrorReporter reporter;

  public RecordChecker(ProcessingEnvironment env, ErrorReporter reporter) {
    this.env = env;
    this.reporter = reporter;
  }

  /**
   * The layout of {@code record}, or empty when it cannot be laid out (the errors have then been
   * reported). Works for records from this compilation and from class files alike.
   */
  public Optional<RecordModel> check(TypeElement record) {
    throw new UnsupportedOperationException("not implemented: " + env + reporter + record);
  }
}
