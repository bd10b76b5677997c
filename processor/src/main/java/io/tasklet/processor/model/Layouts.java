package io.tasklet.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a record becomes a layout: C natural alignment, one function for the processor and the
 * tests alike.
 *
 * <p>Components are placed inline in declaration order, each at the next multiple of its own
 * alignment; the record is aligned to its most aligned component (1 when it has none) and its size
 * is rounded up to that alignment, so that consecutive records in an array stay aligned. These are
 * the offsets a C compiler gives the equivalent struct on a 64-bit platform.
 *
 * <p>One exception to C: a {@code @SharedState} record with a {@code byte}, {@code short} or
 * {@code char} component (or an array of them) is aligned to at least {@link #WORD} bytes, its
 * size rounded up to match. Its view updates such values atomically through the aligned 4-byte
 * word around them, which must lie inside the record's memory wherever the record sits: alone,
 * nested in another record, or as an element of an array. The offsets inside the record are those
 * of C all the same; the record is as if declared {@code _Alignas(4)}.
 *
 * <p>All arithmetic saturates at {@link Long#MAX_VALUE} instead of overflowing, so a declaration
 * too large for memory shows up as a size above {@link #MAX_SIZE} rather than as a wrapped,
 * plausible-looking number.
 */
public final class Layouts {
  /** Largest size of a laid-out record: that of the whole 32-bit linear memory, 4,294,967,295. */
  public static final long MAX_SIZE = 0xFFFF_FFFFL;

  /** The word narrow values of a {@code @SharedState} record are updated through: 4 bytes. */
  public static final long WORD = 4;

  private Layouts() {}

  /**
   * A component as declared, before it is placed.
   *
   * @param name the component's name
   * @param type what one element is stored as
   * @param length number of array elements, or {@link ComponentModel#SCALAR}
   */
  public record Declared(String name, ValueType type, int length) {}

  /**
   * Lays out a record's components with C natural alignment.
   *
   * @param packageName package of the record
   * @param simpleNames simple names from the outermost enclosing class to the record
   * @param shared whether the record is {@code @SharedState}
   * @param components the components in declaration order
   */
  public static RecordModel layOut(
      String packageName, List<String> simpleNames, boolean shared, List<Declared> components) {
    List<ComponentModel> placed = new ArrayList<>(components.size());
    long offset = 0;
    long alignment = 1;
    for (Declared declared : components) {
      ComponentModel component =
          new ComponentModel(
              declared.name(),
              declared.type(),
              declared.length(),
              alignUp(offset, declared.type().alignment()));
      placed.add(component);
      offset = add(component.offset(), component.size());
      if (shared && updatedThroughWord(component.type())) {
        alignment = WORD;
      }
    }
    alignment = Math.max(alignment, naturalAlignment(placed));
    return new RecordModel(
        packageName, simpleNames, shared, alignUp(offset, alignment), alignment, placed);
  }

  /**
   * The alignment C gives a record of {@code components}: that of its most aligned component, 1
   * for none. A record's own alignment is more only when it is raised to {@link #WORD}.
   */
  static long naturalAlignment(List<ComponentModel> components) {
    long natural = 1;
    for (ComponentModel component : components) {
      natural = Math.max(natural, component.alignment());
    }
    return natural;
  }

  /** Whether a view updates values of {@code type} atomically through their enclosing word. */
  private static boolean updatedThroughWord(ValueType type) {
    return type instanceof Primitive primitive
        && primitive.integral()
        && !primitive.nativeAtomics();
  }

  /** {@code value} rounded up to a multiple of {@code alignment}, a power of two; saturating. */
  public static long alignUp(long value, long alignment) {
    if (alignment <= 0 || Long.bitCount(alignment) != 1) {
      throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
    }
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    long mask = alignment - 1;
    long rounded = add(value, mask) & ~mask;
    return rounded < value ? Long.MAX_VALUE : rounded;
  }

  /** {@code a + b} for non-negative numbers, saturating at {@link Long#MAX_VALUE}. */
  public static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** {@code a * b} for non-negative numbers, saturating at {@link Long#MAX_VALUE}. */
  public static long multiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    return high != 0 || product < 0 ? Long.MAX_VALUE : product;
  }
}
