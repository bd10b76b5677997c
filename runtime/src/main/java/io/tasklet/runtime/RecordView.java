package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;

/**
 * A record in linear memory, read and written in place: what every generated {@code RView}
 * is, whatever its record. Its class holds the record's layout ({@code SIZE}, {@code ALIGNMENT},
 * an {@code OFFSET_} per component, where that component's placement is documented, and {@code
 * LAYOUT}), and has an accessor pair per component, {@code x()} and {@code x(value)}, with the
 * index first for an array; a nested record's accessor gives its view.
 *
 * <p>A view holds nothing but its segment, so creating one is cheap: {@code RView.of(segment)}
 * or {@code new RView(segment)}, which reject a segment smaller than the record or not aligned to
 * it. An index out of range throws an {@code IndexOutOfBoundsException} naming the component, the
 * index and the length. A view does not synchronize: the scratch of a lane belongs to that lane
 * alone, and lanes that share a {@code @SharedState} record cooperate through the volatile,
 * acquire/release, compare-and-set and get-and-add operations of the public {@code COMPONENT_}
 * descriptors of its view ({@link LongComponent} and its kin), as in {@code
 * COMPONENT_X.getAndAdd(view.segment(), 1)}.
 *
 * @param <R> the record
 */
public interface RecordView<R extends Record> {
  /** {@return the memory this view reads and writes, starting with the record} */
  MemorySegment segment();

  /** {@return a new record holding the values in memory, with freshly allocated arrays} */
  R read();

  /**
   * Writes the whole record, which must hold no null and only arrays of the declared lengths
   * ({@code NullPointerException}, {@code IllegalArgumentException}): arrays, enums and nested
   * records are checked before anything is written, their elements as they are written.
   *
   * @param value the record to store
   */
  void write(R value);
}
