package io.tasklet.runtime;

/**
 * Padding before the fields of a subclass, so that fields another thread writes, of whatever
 * object the heap put just before, never share their cache line. A subclass that ends with eight
 * longs of its own is padded on both sides.
 */
@SuppressWarnings("unused")
class CacheLinePadding {
  private long p00, p01, p02, p03, p04, p05, p06, p07;
}
