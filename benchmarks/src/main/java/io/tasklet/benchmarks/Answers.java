package io.tasklet.benchmarks;

import java.util.Arrays;

/** Checks, in a benchmark's setup, that a way of computing something gives the right answer. */
final class Answers {
  private Answers() {}

  /** Fails if {@code actual} counts differ from {@code expected}; {@code what} names the way. */
  static void checkSame(String what, long[] expected, long[] actual) {
    if (!Arrays.equals(expected, actual)) {
      int index = Arrays.mismatch(expected, actual);
      throw new IllegalStateException(what + " counted wrong: at index " + index + ", "
          + (index < actual.length ? actual[index] : "nothing") + " instead of "
          + (index < expected.length ? expected[index] : "nothing"));
    }
  }
}
