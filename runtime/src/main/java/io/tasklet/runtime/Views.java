package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;

/**
 * What every generated record view is, and the small helpers the views and the component
 * descriptors ({@link LongComponent} and its kin) call: argument checks with messages that name
 * the record and component at fault, and the atomic updates of {@code byte}, {@code short} and
 * {@code char} values that the JDK's memory segment var handles leave out. The helpers are not
 * meant to be called by hand; the generated {@code ...View} classes are the API.
 *
 * <h2>Generated views</h2>
 *
 * <p>For each record {@code R}, the processor writes {@code RView}: a final class whose objects
 * view the memory segment they read and write in place, {@code segment()}, starting with the
 * record. The class holds the record's layout ({@code SIZE}, {@code ALIGNMENT}, an {@code
 * OFFSET_} per component, where that component's placement is documented, and {@code LAYOUT},
 * declared through {@link #struct}), and has an accessor pair per component, {@code x()} and
 * {@code x(value)}, with the index first for an array; a nested record's accessor gives its view.
 * {@code read()} returns a new record holding the values in memory, with freshly allocated arrays.
 * {@code write(value)} writes the whole record, which must hold no null and only arrays of the
 * declared lengths ({@code NullPointerException}, {@code IllegalArgumentException}): arrays, enums
 * and nested records are checked before anything is written, their elements as they are written.
 *
 * <p>A view holds nothing but its segment, so creating one is cheap: {@code RView.of(segment)},
 * which rejects a segment smaller than the record or not aligned to it. An index out of range
 * throws an {@code IndexOutOfBoundsException} naming the component, the index and the length. A
 * view does not synchronize: the scratch of a lane belongs to that lane alone, and lanes that
 * share a {@code @SharedState} record cooperate through the volatile, acquire/release,
 * compare-and-set and get-and-add operations of the public {@code COMPONENT_} descriptors of its
 * view, as in {@code COMPONENT_X.getAndAdd(view.segment(), 1)}.
 *
 * <p>What the views leave out, they leave out for javac, which compiles them in every build of a
 * user's project. They share no interface: one generic over the record would cost a pair of
 * bridge methods and their override checks in every view, about 8% of a compile with the
 * processor, for code that no launcher needs. They are classes, not records, whose implicit
 * members javac enters again in every round of annotation processing; two views are equal only
 * if they are the same object. And {@code LAYOUT} is one call, not an expression per member.
 *
 * <h2>Atomic updates of narrow values</h2>
 *
 * <p>Segment var handles compare-and-set and get-and-add only {@code int} and {@code long}
 * values. A narrower value is updated through the aligned 4-byte word that encloses it: read the
 * word, splice the new value into its bytes, and compare-and-set the whole word, retrying when
 * any byte of the word changed in between (including a neighbour's). This is how the JDK itself
 * implements {@code compareAndSetByte} on hardware without byte-wide atomics. It is atomic with
 * respect to every other access to the same value, plain, volatile or atomic. The word must lie
 * inside the segment and be addressable with 4-byte alignment, which holds for any segment that is
 * 4-byte aligned and whose size is a multiple of 4; the runtime's linear memory regions are both.
 */
public final class Views {
  private static final VarHandle WORD = ValueLayout.JAVA_INT.varHandle();
  private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

  private Views() {}

  /**
   * The struct layout {@code name} with the members {@code members} declares, in native byte
   * order: how each generated view writes its {@code LAYOUT}, one call rather than an expression
   * per member, which javac would attribute in every compilation of every view. The members are
   * separated by {@code ;}, each laid where the previous one ends, and each one of:
   *
   * <ul>
   *   <li>{@code type name}, a value of a primitive {@code type} ({@code boolean}, {@code byte},
   *       {@code short}, {@code char}, {@code int}, {@code float}, {@code long} or {@code
   *       double}), the {@code JAVA_} layout of {@link ValueLayout};
   *   <li>{@code struct Type name}, the next layout of {@code nested}, which must be named {@code
   *       Type};
   *   <li>{@code pad bytes}, padding;
   *   <li>either of the first two with {@code [length]} after the name, an array.
   * </ul>
   *
   * <p>For example {@code struct("Tally", "int id; pad 4; double weights[16]; struct Point at",
   * PointView.LAYOUT)}.
   *
   * @throws IllegalArgumentException if {@code members} does not read as above, does not use
   *     every nested layout, leaves a member misaligned (the padding is not inferred), names two
   *     members alike, or takes the struct past {@code Long.MAX_VALUE} bytes
   */
  public static StructLayout struct(String name, String members, MemoryLayout... nested) {
    return StructDeclaration.read(name, members, nested);
  }

  /**
   * Returns {@code segment} if it can hold a record of {@code size} bytes aligned to {@code
   * alignment} bytes.
   *
   * @throws NullPointerException if {@code segment} is null
   * @throws IllegalArgumentException if the segment is too small or its address is not a multiple
   *     of {@code alignment}
   */
  public static MemorySegment checkSegment(
      MemorySegment segment, long size, long alignment, String record) {
    // Small enough for the JIT to inline where a view is made; the messages are built out of line.
    if (segment == null || segment.byteSize() < size || segment.maxByteAlignment() < alignment) {
      throw badSegment(segment, size, alignment, record);
    }
    return segment;
  }

  private static RuntimeException badSegment(
      MemorySegment segment, long size, long alignment, String record) {
    if (segment == null) {
      return new NullPointerException("the segment for a " + record + " view is null");
    }
    if (segment.byteSize() < size) {
      return new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a %s needs a segment of at least %,d bytes; this one has %,d bytes",
              record,
              size,
              segment.byteSize()));
    }
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "a %s needs a segment aligned to %,d bytes; this one is aligned to %,d bytes only"
                + " (allocate it with an alignment of %,d)",
            record,
            alignment,
            segment.maxByteAlignment(),
            alignment));
  }

  /**
   * Returns {@code index} if it is in {@code [0, length)}.
   *
   * @throws IndexOutOfBoundsException otherwise, naming the component, the index and the length
   */
  public static int checkIndex(int index, int length, String component, String record) {
    // One unsigned comparison covers both ends: a negative index is above any length.
    if (Integer.compareUnsigned(index, length) >= 0) {
      throw outOfBounds(index, length, component, record);
    }
    return index;
  }

  /**
   * The slice of {@code segment} that holds element {@code index} of an array of nested records:
   * {@code size} bytes, at {@code offset + index * size}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length)}, naming the
   *     component, the index and the length
   */
  public static MemorySegment element(MemorySegment segment, long offset, long size, int index,
      int length, String component, String record) {
    return segment.asSlice(offset + size * checkIndex(index, length, component, record), size);
  }

  private static IndexOutOfBoundsException outOfBounds(
      int index, int length, String component, String record) {
    return new IndexOutOfBoundsException(
        component + "[" + index + "] out of bounds for length " + length + " in " + record);
  }

  /**
   * The exception to throw for {@code index} of an array component when the access itself (a
   * layout var handle's own index check, {@code cause}) found it out of range.
   *
   * @return an exception naming the component, the index and the length
   */
  public static IndexOutOfBoundsException indexOutOfBounds(
      int index, int length, String component, String record, IndexOutOfBoundsException cause) {
    IndexOutOfBoundsException e = outOfBounds(index, length, component, record);
    e.initCause(cause);
    return e;
  }

  /**
   * Returns {@code value} if it is not null.
   *
   * @throws NullPointerException naming the component otherwise
   */
  public static <T> T checkNotNull(T value, String component, String record) {
    if (value == null) {
      throw new NullPointerException(
          "cannot store null as " + component + " of " + record + ": linear memory holds values");
    }
    return value;
  }

  /**
   * Returns {@code value}, a whole record to write, if it is not null.
   *
   * @throws NullPointerException naming the record otherwise
   */
  public static <T> T checkRecord(T value, String record) {
    return Objects.requireNonNull(value, () -> "cannot write a null " + record);
  }

  /**
   * Returns {@code value}, an element of an array component, if it is not null.
   *
   * @throws NullPointerException naming the component and the index otherwise
   */
  public static <T> T checkNotNull(T value, String component, int index, String record) {
    if (value == null) {
      throw new NullPointerException(
          "cannot store null as "
              + component
              + "["
              + index
              + "] of "
              + record
              + ": linear memory holds values");
    }
    return value;
  }

  /**
   * Returns {@code array} if it has exactly {@code length} elements.
   *
   * @throws NullPointerException if {@code array} is null
   * @throws IllegalArgumentException if its length is not {@code length}
   */
  public static <A> A checkLength(A array, int length, String component, String record) {
    if (array == null) {
      throw new NullPointerException(
          component + " of " + record + " is null; it must have exactly " + length + " elements");
    }
    int actual = Array.getLength(array);
    if (actual != length) {
      throw new IllegalArgumentException(
          component
              + " of "
              + record
              + " has "
              + actual
              + " elements; its layout holds exactly "
              + length);
    }
    return array;
  }

  /** Atomically sets the byte at {@code offset} to {@code newValue} if it is {@code expected}. */
  public static boolean compareAndSetByte(
      MemorySegment segment, long offset, byte expected, byte newValue) {
    return compareAndSetNarrow(segment, offset, Byte.BYTES, expected, newValue);
  }

  /** Atomically sets the short at {@code offset} to {@code newValue} if it is {@code expected}. */
  public static boolean compareAndSetShort(
      MemorySegment segment, long offset, short expected, short newValue) {
    return compareAndSetNarrow(segment, offset, Short.BYTES, expected, newValue);
  }

  /** Atomically sets the char at {@code offset} to {@code newValue} if it is {@code expected}. */
  public static boolean compareAndSetChar(
      MemorySegment segment, long offset, char expected, char newValue) {
    return compareAndSetNarrow(segment, offset, Character.BYTES, expected, newValue);
  }

  /** Atomically adds {@code delta} to the byte at {@code offset}, wrapping; returns the old value. */
  public static byte getAndAddByte(MemorySegment segment, long offset, byte delta) {
    return (byte) getAndAddNarrow(segment, offset, Byte.BYTES, delta);
  }

  /** Atomically adds {@code delta} to the short at {@code offset}, wrapping; returns the old value. */
  public static short getAndAddShort(MemorySegment segment, long offset, short delta) {
    return (short) getAndAddNarrow(segment, offset, Short.BYTES, delta);
  }

  /** Atomically adds {@code delta} to the char at {@code offset}, wrapping; returns the old value. */
  public static char getAndAddChar(MemorySegment segment, long offset, char delta) {
    return (char) getAndAddNarrow(segment, offset, Character.BYTES, delta);
  }

  private static boolean compareAndSetNarrow(
      MemorySegment segment, long offset, int bytes, int expected, int newValue) {
    long word = wordOffset(segment, offset, bytes);
    int shift = shift(segment, offset, word, bytes);
    int mask = narrowMask(bytes) << shift;
    int expectedBits = (expected << shift) & mask;
    int newBits = (newValue << shift) & mask;
    while (true) {
      int current = (int) WORD.getVolatile(segment, word);
      if ((current & mask) != expectedBits) {
        return false;
      }
      if (WORD.compareAndSet(segment, word, current, (current & ~mask) | newBits)) {
        return true;
      }
    }
  }

  private static int getAndAddNarrow(MemorySegment segment, long offset, int bytes, int delta) {
    long word = wordOffset(segment, offset, bytes);
    int shift = shift(segment, offset, word, bytes);
    int mask = narrowMask(bytes);
    while (true) {
      int current = (int) WORD.getVolatile(segment, word);
      int old = (current >>> shift) & mask;
      int updated = (current & ~(mask << shift)) | (((old + delta) & mask) << shift);
      if (WORD.compareAndSet(segment, word, current, updated)) {
        return old;
      }
    }
  }

  private static int narrowMask(int bytes) {
    return (1 << (8 * bytes)) - 1;
  }

  /** Offset in {@code segment} of the aligned 4-byte word that holds the value at {@code offset}. */
  private static long wordOffset(MemorySegment segment, long offset, int bytes) {
    long word = offset - ((segment.address() + offset) & (Integer.BYTES - 1));
    if (word < 0
        || word + Integer.BYTES > segment.byteSize()
        || offset + bytes > word + Integer.BYTES
        || segment.asSlice(word, Integer.BYTES).maxByteAlignment() < Integer.BYTES) {
      throw new UnsupportedOperationException(
          String.format(
              Locale.ROOT,
              "cannot update the %d-byte value at offset %,d atomically: it is updated through"
                  + " its enclosing aligned 4-byte word, which this segment (%,d bytes, aligned"
                  + " to %,d) does not hold; use a segment that is 4-byte aligned and whose size"
                  + " is a multiple of 4",
              bytes,
              offset,
              segment.byteSize(),
              segment.maxByteAlignment()));
    }
    return word;
  }

  /** Left shift that moves a value of {@code bytes} bytes at {@code offset} into place in its word. */
  private static int shift(MemorySegment segment, long offset, long word, int bytes) {
    int position = (int) (offset - word);
    return 8 * (BIG_ENDIAN ? Integer.BYTES - bytes - position : position);
  }
}
