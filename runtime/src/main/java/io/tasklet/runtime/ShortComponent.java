package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A {@code short} component of a record in linear memory, or an array of them: how a generated
 * view reads and writes it in place, and for a {@code @SharedState} record the ordered and atomic
 * operations lanes cooperate with. The view holds one in a {@code static final} field, so the JIT
 * folds its var handle into every access.
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
 * <p>Its compare-and-set and get-and-add update the aligned 4-byte word around the value with a
 * compare-and-set loop (see {@link Views}); a {@code @SharedState} record's alignment keeps that
 * word inside it.
 *
 * @param handle the var handle of the component in the record's layout
 * @param record the record's name, for messages
 * @param name the component's name, for messages
 * @param length the array's length; 1 for a single value
 * @param offset the component's offset in the record
 * @param stride the size of an array element
 */
public record ShortComponent(
    VarHandle handle, String record, String name, int length, long offset, long stride) {
  /**
   * The component {@code name} of the record laid out as {@code layout}.
   *
   * @param layout the record's layout, named after the record
   * @param name the component's name, that of its member in {@code layout}
   * @return the component
   * @throws IllegalArgumentException if {@code layout} has no such member
   */
  public static ShortComponent of(MemoryLayout layout, String name) {
    Components.Member member = Components.member(layout, name);
    return new ShortComponent(member.handle(), member.record(), name, member.length(),
        member.offset(), member.stride());
  }

  /**
   * Reads the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the value
   */
  public short get(MemorySegment segment) {
    return (short) handle.get(segment, 0L);
  }

  /**
   * Reads element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @return the value
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public short get(MemorySegment segment, int index) {
    try {
      return (short) handle.get(segment, 0L, (long) index);
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
  public void set(MemorySegment segment, short value) {
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
  public void set(MemorySegment segment, int index, short value) {
    try {
      handle.set(segment, 0L, (long) index, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(index, e);
    }
  }

  /**
   * Reads, with volatile semantics, the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the value
   */
  public short getVolatile(MemorySegment segment) {
    return (short) handle.getVolatile(segment, 0L);
  }

  /**
   * Reads, with volatile semantics, element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @return the value
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public short getVolatile(MemorySegment segment, int index) {
    try {
      return (short) handle.getVolatile(segment, 0L, (long) index);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(index, e);
    }
  }

  /**
   * Writes, with volatile semantics, the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param value the value to store
   */
  public void setVolatile(MemorySegment segment, short value) {
    handle.setVolatile(segment, 0L, value);
  }

  /**
   * Writes, with volatile semantics, element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @param value the value to store
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public void setVolatile(MemorySegment segment, int index, short value) {
    try {
      handle.setVolatile(segment, 0L, (long) index, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(index, e);
    }
  }

  /**
   * Reads, with acquire semantics, the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the value
   */
  public short getAcquire(MemorySegment segment) {
    return (short) handle.getAcquire(segment, 0L);
  }

  /**
   * Reads, with acquire semantics, element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @return the value
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public short getAcquire(MemorySegment segment, int index) {
    try {
      return (short) handle.getAcquire(segment, 0L, (long) index);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(index, e);
    }
  }

  /**
   * Writes, with release semantics, the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param value the value to store
   */
  public void setRelease(MemorySegment segment, short value) {
    handle.setRelease(segment, 0L, value);
  }

  /**
   * Writes, with release semantics, element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @param value the value to store
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public void setRelease(MemorySegment segment, int index, short value) {
    try {
      handle.setRelease(segment, 0L, (long) index, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(index, e);
    }
  }

  /**
   * Atomically sets to {@code newValue}, if it holds {@code expected}, the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param expected the value it must hold
   * @param newValue the value to set
   * @return whether the value was set
   */
  public boolean compareAndSet(MemorySegment segment, short expected, short newValue) {
    return Views.compareAndSetShort(segment, offset, expected, newValue);
  }

  /**
   * Atomically sets to {@code newValue}, if it holds {@code expected}, element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @param expected the value it must hold
   * @param newValue the value to set
   * @return whether the value was set
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public boolean compareAndSet(MemorySegment segment, int index, short expected, short newValue) {
    return Views.compareAndSetShort(segment, offset + stride * checkIndex(index), expected, newValue);
  }

  /**
   * Atomically adds {@code delta}, wrapping around on overflow, to the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param delta the amount to add
   * @return the value before the addition
   */
  public short getAndAdd(MemorySegment segment, short delta) {
    return Views.getAndAddShort(segment, offset, delta);
  }

  /**
   * Atomically adds {@code delta}, wrapping around on overflow, to element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @param delta the amount to add
   * @return the value before the addition
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   */
  public short getAndAdd(MemorySegment segment, int index, short delta) {
    return Views.getAndAddShort(segment, offset + stride * checkIndex(index), delta);
  }

  /**
   * Reads the whole array component into a new array.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the elements
   */
  public short[] toArray(MemorySegment segment) {
    short[] values = new short[length];
    MemorySegment.copy(segment, ValueLayout.JAVA_SHORT, offset, values, 0, length);
    return values;
  }

  /**
   * Writes the whole array component from {@code values}, which the caller has checked holds
   * exactly {@link #length} elements.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param values the elements
   */
  public void copyFrom(MemorySegment segment, short[] values) {
    MemorySegment.copy(values, 0, segment, ValueLayout.JAVA_SHORT, offset, length);
  }

  private int checkIndex(int index) {
    return Views.checkIndex(index, length, name, record);
  }

  private IndexOutOfBoundsException outOfBounds(int index, IndexOutOfBoundsException cause) {
    return Views.indexOutOfBounds(index, length, name, record, cause);
  }
}
