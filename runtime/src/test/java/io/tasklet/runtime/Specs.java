package io.tasklet.runtime;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** Hand-written launch specs for the runtime's tests: shared state is an array of longs. */
final class Specs {
  private Specs() {}

  /** A spec whose shared state is {@code longs} longs, read back as a {@code long[]}. */
  static LaunchSpec.Builder<long[]> longs(int longs) {
    return LaunchSpec.builder("Test.tasklet", longs * 8L, segment -> segment.toArray(JAVA_LONG));
  }

  /** Reads long {@code index} of {@code segment}. */
  static long get(MemorySegment segment, int index) {
    return segment.getAtIndex(JAVA_LONG, index);
  }

  /** Writes long {@code index} of {@code segment}. */
  static void set(MemorySegment segment, int index, long value) {
    segment.setAtIndex(JAVA_LONG, index, value);
  }
}
