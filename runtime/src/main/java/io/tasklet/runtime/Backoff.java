package io.tasklet.runtime;

/**
 * How a thread waits for a hand-off: spin, then yield, then park. The policy is explicit and
 * named, as in Agrona's idle strategies.
 *
 * <p>Spinning for a few microseconds lets a phase that follows quickly on the last one start
 * without a wake-up (tens of nanoseconds instead of tens of microseconds); yielding for a little
 * longer keeps an oversubscribed machine (more lanes than hardware threads, as in tests) moving;
 * after that the waiter parks, so an idle runtime costs no CPU. The waker always unparks a parked
 * waiter: the waiter announces that it is about to park and then re-checks its condition, and the
 * waker publishes the condition and then checks the announcement, both through volatile accesses,
 * so at least one of them sees the other (no lost wake-up).
 */
final class Backoff {
  /** Time spent spinning with {@link Thread#onSpinWait()} before yielding. */
  static final long SPIN_NANOS = 20_000;

  /** Time after which the waiter stops yielding and parks. */
  static final long YIELD_NANOS = 200_000;

  private static final int SPINS_BETWEEN_CLOCK_READS = 64;

  private int spins;
  private long startNanos;

  /** Starts a new wait. */
  void reset() {
    spins = 0;
    startNanos = 0;
  }

  /**
   * Idles once, spinning or yielding as the wait has lasted, and returns true when the wait has
   * lasted long enough that the caller should park instead.
   */
  boolean idle() {
    if (++spins % SPINS_BETWEEN_CLOCK_READS != 0) {
      Thread.onSpinWait();
      return false;
    }
    long now = System.nanoTime();
    if (startNanos == 0) {
      startNanos = now;
    }
    long waited = now - startNanos;
    if (waited < SPIN_NANOS) {
      Thread.onSpinWait();
      return false;
    }
    if (waited < YIELD_NANOS) {
      Thread.yield();
      return false;
    }
    return true;
  }
}
