package io.tasklet.processor.model;

/**
 * A nested {@code @SharedState} or {@code @WorkerScratch} record, laid out inline as its own
 * layout: the C equivalent is a struct member of struct type.
 *
 * @param model the nested record's layout
 */
public record RecordType(RecordModel model) implements ValueType {

  @Override
  public long size() {
    return model.size();
  }

  @Override
  public long alignment() {
    return model.alignment();
  }

  @Override
  public String javaName() {
    return String.join(".", model.simpleNames());
  }
}
