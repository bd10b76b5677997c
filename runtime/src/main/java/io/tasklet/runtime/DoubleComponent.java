package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A {@code double} component of a record in linear memory, or an array of them: how a generated
 * view reads and writes it in place. The view holds one in a {@code static final} field, so the
 * JIT folds its var handle into every access.
 *
 * <p>The handle is one of the record's whole layout at base offset 0, with the element index as a
 * coordinate for an array. It checks that the segment holds the whole record, which does not
 * depend on the index, so in a loop the JIT checks once; an index out of range throws an {@code
 * IndexOutOfBoundsException} that names the component, the index and the length. The methods
 * without an index are for a single value, those with one for an array.
 *
 * <p>There is one such class per primitive type, alike but for the type: a var handle's access is
 * folded by the JIT only when it is called with the exact static types of its value, which a
 * generic descriptor would box.
 *
 * @param handle the var handle of the component in the record's layout
 * @param record the record's name, for messages
 * @param name the component's name, for messages
 * @param length the array's length; 1 for a single value
 * @param offset the component's offset in the record
 * @param stride the size of an array element
 */
public record DoubleComponent(
    VarHandle handle, String record, String name, int length, long offset, long stride) {
  /**
   * The component {@code name} of the record laid out as {@code layout}.
   *
   * @param layout the record's layout, named after the record
   * @param name the component's name, that of its member in {@code layout}
   * @return the component
   * @throws IllegalArgumentException if {@code layout} has no such member
   */
  public static DoubleComponent of(MemoryLayout layout, String name) {
    Components.Member member = Components.member(layout, name);
    return new DoubleComponent(member.handle(), member.record(), name, member.length(),
        member.offset(), member.stride());
  }

  /**
   * Reads the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the value
   */
  public double get(MemorySegment segment) {
    return (double) handle.get(segment, 0L);
  }

  /**
   * Reads element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @return the value
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public double get(MemorySegment segment, int index) {
    try {
      return (double) handle.get(segment, 0L, (long) index);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(index, e);
    }
  }

  /**
   * Writes the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param value the value to store
   */
  public void set(MemorySegment segment, double value) {
    handle.set(segment, 0L, value);
  }

  /**
   * Writes element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @param value the value to store
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public void set(MemorySegment segment, int index, double value) {
    try {
      handle.set(segment, 0L, (long) index, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(index, e);
    }
  }

  /**
   * Reads the whole array component into a new array.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the elements
   */
  public double[] toArray(MemorySegment segment) {
    double[] values = new double[length];
    MemorySegment.copy(segment, ValueLayout.JAVA_DOUBLE, offset, values, 0, length);
    return values;
  }

  /**
   * Writes the whole array component from {@code values}, which the caller has checked holds
   * exactly {@link #length} elements.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param values the elements
   */
  public void copyFrom(MemorySegment segment, double[] values) {
    MemorySegment.copy(values, 0, segment, ValueLayout.JAVA_DOUBLE, offset, length);
  }

  private IndexOutOfBoundsException outOfBounds(int index, IndexOutOfBoundsException cause) {
    return Views.indexOutOfBounds(index, length, name, record, cause);
  }
}
