package io.tasklet.processor;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;

/** Equality of records by content, arrays included, as a view's read and write preserve it. */
final class RecordValues {
  private RecordValues() {}

  static boolean deepEquals(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a.getClass().isArray()) {
      int length = Array.getLength(a);
      if (length != Array.getLength(b)) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (!deepEquals(Array.get(a, i), Array.get(b, i))) {
          return false;
        }
      }
      return true;
    }
    if (a.getClass().isRecord()) {
      for (RecordComponent component : a.getClass().getRecordComponents()) {
        try {
          if (!deepEquals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
            return false;
          }
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      return true;
    }
    // Boxed primitives: Float and Double compare bits, so NaN equals NaN and 0.0 differs from -0.0.
    return a.equals(b);
  }
}
