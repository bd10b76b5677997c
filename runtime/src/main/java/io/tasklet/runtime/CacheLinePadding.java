package io.tasklet.runtime;

/**
 * Padding before the fields of a subclass, so that fields another thread writes, of whatever
 * object the heap put just before, never share their cache line: 128 bytes, two lines, because
 * the hardware fetches lines in adjacent pairs (as the JDK's own {@code @Contended} padding does).
 *
 * <p>The JVM lays out a class's fields largest first and fills any gap a superclass left with a
 * subclass's narrower fields. The one gap here, after a 12-byte object header, is filled by an
 * {@code int} of this class's own, so that no subclass field can land there, before the padding.
 * For the same reason, padding after a subclass's fields must be a class of its own below it, with
 * nothing but longs: in one class, narrower fields come after the longs, past any padding among
 * them. {@code CacheLinePaddingTest} checks where the padded classes' fields land.
 */
@SuppressWarnings("unused")
class CacheLinePadding {
  private int gap;
  private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}
