package io.tasklet.processor.model;

import java.util.Locale;

/**
 * The eight Java primitives as they are stored in linear memory: native byte order, each aligned
 * to its own size as a C compiler aligns {@code int8_t} to {@code int64_t}, {@code float} and
 * {@code double}. A {@code boolean} takes one byte (0 or 1), a {@code char} two.
 */
public enum Primitive implements ValueType {
  BOOLEAN(1, false),
  BYTE(1, true),
  SHORT(2, true),
  CHAR(2, true),
  INT(4, true),
  FLOAT(4, false),
  LONG(8, true),
  DOUBLE(8, false);

  private final long size;
  private final boolean integral;

  Primitive(long size, boolean integral) {
    this.size = size;
    this.integral = integral;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long alignment() {
    return size;
  }

  @Override
  public String javaName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this is one of Java's integral types, the ones a shared view offers compare-and-set
   * and get-and-add for.
   */
  public boolean integral() {
    return integral;
  }

  /**
   * Whether the JDK's memory segment var handles implement compare-and-set and get-and-add for
   * this type directly; the narrower integral types go through an enclosing 4-byte word.
   */
  public boolean nativeAtomics() {
    return this == INT || this == LONG;
  }
}
