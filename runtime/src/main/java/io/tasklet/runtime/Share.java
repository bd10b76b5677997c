package io.tasklet.runtime;

/**
 * A lane's contiguous share {@code [start, end)} of a range of items.
 *
 * @param start first item of the share
 * @param end one past the last item of the share
 */
public record Share(long start, long end) {
  /** Splits {@code [0, total)} into {@code parts} shares as even as possible and returns share {@code part}. */
  public static Share of(long total, int part, int parts) {
    if (total < 0 || parts <= 0 || part < 0 || part >= parts) {
      throw new IllegalArgumentException(
          "cannot take share " + part + " of " + parts + " of " + total + " items");
    }
    long base = total / parts;
    long extra = total % parts;
    long start = part * base + Math.min(part, extra);
    return new Share(start, start + base + (part < extra ? 1 : 0));
  }

  /** Number of items in the share. */
  public long size() {
    return end - start;
  }
}
