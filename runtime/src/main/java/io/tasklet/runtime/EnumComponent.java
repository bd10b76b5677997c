package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Objects;

/**
 * An enum component of a record in linear memory, or an array of them, stored as the constant's
 * ordinal in an unsigned {@code byte}, {@code short} or {@code int}: how a generated view reads and
 * writes it in place. The view holds one in a {@code static final} field, so the JIT folds its var
 * handle into every access; an index out of range, a null constant and memory that holds no
 * ordinal throw exceptions that name the component.
 *
 * @param handle the var handle of the component in the record's layout
 * @param storageBytes the width of the stored ordinal: 1, 2 or 4
 * @param constants the enum's constants, in ordinal order
 * @param record the record's name, for messages
 * @param name the component's name, for messages
 * @param length the array's length; 1 for a single value
 * @param <E> the enum
 */
public record EnumComponent<E extends Enum<E>>(
    VarHandle handle, int storageBytes, List<E> constants, String record, String name,
    int length) {
  /**
   * The component {@code name}, of enum {@code type}, of the record laid out as {@code layout}.
   *
   * @param layout the record's layout, named after the record
   * @param name the component's name, that of its member in {@code layout}
   * @param type the enum
   * @param <E> the enum
   * @return the component
   * @throws IllegalArgumentException if {@code layout} has no such member
   */
  public static <E extends Enum<E>> EnumComponent<E> of(
      MemoryLayout layout, String name, Class<E> type) {
    Components.Member member = Components.member(layout, name);
    return new EnumComponent<>(member.handle(), Math.toIntExact(member.stride()),
        List.of(type.getEnumConstants()), member.record(), name, member.length());
  }

  /**
   * Reads the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the constant
   * @throws IllegalStateException if the memory holds no ordinal of the enum
   */
  public E get(MemorySegment segment) {
    return constant(switch (storageBytes) {
      case 1 -> Byte.toUnsignedInt((byte) handle.get(segment, 0L));
      case 2 -> Short.toUnsignedInt((short) handle.get(segment, 0L));
      default -> (int) handle.get(segment, 0L);
    }, name);
  }

  /**
   * Reads element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @return the constant
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   * @throws IllegalStateException if the memory holds no ordinal of the enum
   */
  public E get(MemorySegment segment, int index) {
    int ordinal;
    try {
      ordinal = switch (storageBytes) {
        case 1 -> Byte.toUnsignedInt((byte) handle.get(segment, 0L, (long) index));
        case 2 -> Short.toUnsignedInt((short) handle.get(segment, 0L, (long) index));
        default -> (int) handle.get(segment, 0L, (long) index);
      };
    } catch (IndexOutOfBoundsException e) {
      throw Views.indexOutOfBounds(index, length, name, record, e);
    }
    return constant(ordinal, name + "[" + index + "]");
  }

  /**
   * Writes the component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param value the constant to store
   * @throws NullPointerException if {@code value} is null
   */
  public void set(MemorySegment segment, E value) {
    int ordinal = Views.checkNotNull(value, name, record).ordinal();
    switch (storageBytes) {
      case 1 -> handle.set(segment, 0L, (byte) ordinal);
      case 2 -> handle.set(segment, 0L, (short) ordinal);
      default -> handle.set(segment, 0L, ordinal);
    }
  }

  /**
   * Writes element {@code index} of the array component.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param index the element's index
   * @param value the constant to store
   * @throws IndexOutOfBoundsException if {@code index} is out of range, naming the component
   * @throws NullPointerException if {@code value} is null
   */
  public void set(MemorySegment segment, int index, E value) {
    int ordinal = Views.checkNotNull(value, name, index, record).ordinal();
    try {
      switch (storageBytes) {
        case 1 -> handle.set(segment, 0L, (long) index, (byte) ordinal);
        case 2 -> handle.set(segment, 0L, (long) index, (short) ordinal);
        default -> handle.set(segment, 0L, (long) index, ordinal);
      }
    } catch (IndexOutOfBoundsException e) {
      throw Views.indexOutOfBounds(index, length, name, record, e);
    }
  }

  /**
   * Reads the whole array component into a new array.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @return the constants
   * @throws IllegalStateException if an element holds no ordinal of the enum
   */
  public E[] toArray(MemorySegment segment) {
    @SuppressWarnings("unchecked") // an array of the enum's own class
    E[] values = (E[]) Array.newInstance(constants.getFirst().getDeclaringClass(), length);
    for (int i = 0; i < length; i++) {
      values[i] = get(segment, i);
    }
    return values;
  }

  /**
   * Writes the whole array component from {@code values}, which the caller has checked holds
   * exactly {@link #length} elements; a null element fails when it is reached, the ones before it
   * written.
   *
   * @param segment the view's memory, holding the record at offset 0
   * @param values the constants
   * @throws NullPointerException if an element is null, naming it
   */
  public void copyFrom(MemorySegment segment, E[] values) {
    for (int i = 0; i < length; i++) {
      set(segment, i, values[i]);
    }
  }

  private E constant(int ordinal, String where) {
    if (ordinal < 0 || ordinal >= constants.size()) {
      throw new IllegalStateException(where + " of " + record + " holds " + ordinal
          + ", which is no ordinal of " + Objects.requireNonNull(constants.getFirst())
              .getDeclaringClass().getSimpleName() + " (it has " + constants.size()
          + " constants)");
    }
    return constants.get(ordinal);
  }
}
