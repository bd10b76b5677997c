package io.tasklet.processor.model;

/**
 * What one element of a record component is stored as: a primitive, an enum's ordinal, or a
 * nested record laid out inline. An array component is a run of these.
 */
public sealed interface ValueType permits Primitive, EnumType, RecordType {
  /** Size of one value in bytes. */
  long size();

  /** Alignment of one value in bytes: the C natural alignment of the equivalent type. */
  long alignment();

  /** How the type reads in Java source and in messages: {@code long}, {@code Color}. */
  String javaName();
}
