package io.tasklet.processor.model;

/**
 * One record component as laid out: where it starts, what it holds and, for an array, how many.
 *
 * @param name the component's name
 * @param type what one element is stored as
 * @param length number of elements of an array component, {@link #SCALAR} for a single value
 * @param offset offset from the start of the record, in bytes
 */
public record ComponentModel(String name, ValueType type, int length, long offset) {

  /** The {@link #length} of a component that is not an array. */
  public static final int SCALAR = 0;

  public ComponentModel {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length + " of " + name);
    }
  }

  /** Whether the component is a fixed-length array. */
  public boolean isArray() {
    return length != SCALAR;
  }

  /** Distance between two consecutive array elements, in bytes: the element size. */
  public long stride() {
    return type.size();
  }

  /** Size of the whole component in bytes, saturating at {@link Long#MAX_VALUE}. */
  public long size() {
    return isArray() ? Layouts.multiply(type.size(), length) : type.size();
  }

  /** Alignment of the component in bytes: that of its element type. */
  public long alignment() {
    return type.alignment();
  }

  /** The component's name in constant case, as in {@code OFFSET_BYTES_SEEN} for {@code bytesSeen}. */
  public String constantName() {
    return constantCase(name);
  }

  /** The component's name with a capital first letter, as in {@code getAndAddBytesSeen}. */
  public String capitalizedName() {
    return capitalize(name);
  }

  /** How the component's type reads in Java source: {@code long}, {@code long[]}. */
  public String javaType() {
    return type.javaName() + (isArray() ? "[]" : "");
  }

  /** {@code name} with a capital first letter. */
  public static String capitalize(String name) {
    return GeneratedNames.capitalize(name);
  }

  /**
   * Upper snake case of a camel-case name: a word starts at an upper-case letter that follows a
   * lower-case letter or digit, or that ends a run of capitals ({@code httpURLCount} becomes
   * {@code HTTP_URL_COUNT}).
   */
  public static String constantCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && out.charAt(out.length() - 1) != '_') {
        char before = name.charAt(i - 1);
        boolean afterLower = Character.isLowerCase(before) || Character.isDigit(before);
        boolean endsCapitals =
            Character.isUpperCase(before)
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
        if (afterLower || endsCapitals) {
          out.append('_');
        }
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
