package io.tasklet.runtime;

import java.util.function.LongSupplier;

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
 *
 * <p>Spinning only pays while the thread being waited for runs on another core. When other
 * threads of the process, or other processes, keep the cores busy, the two may share one core,
 * and every microsecond of spinning is a microsecond the other cannot run: a round trip to a lane
 * would cost two whole spins. A yield that lets another thread run first tells the waiter so,
 * and it halves how long it spins from then on, down to {@value #MIN_SPIN_NANOS} ns; a wait that
 * ends while spinning doubles it again, up to {@value #SPIN_NANOS} ns. On cores of its own, a
 * yield returns at once and nothing changes.
 */
final class Backoff {
  /** Time spent spinning with {@link Thread#onSpinWait()} before yielding, at the most. */
  static final long SPIN_NANOS = 20_000;

  /** Time spent spinning before yielding, at the least. */
  static final long MIN_SPIN_NANOS = 500;

  /** Time after which the waiter stops yielding and parks. */
  static final long YIELD_NANOS = 200_000;

  /** A yield that took longer than this let another thread run on the waiter's core. */
  static final long YIELD_GAVE_WAY_NANOS = 5_000;

  private static final int SPINS_BETWEEN_CLOCK_READS = 64;

  private final Runnable yield;
  private final LongSupplier clock;
  private long spinNanos = SPIN_NANOS;
  private int spins;
  private long startNanos;
  private boolean yielded;

  Backoff() {
    this(Thread::yield, System::nanoTime);
  }

  /**
   * A backoff that yields through {@code yield} and reads the time from {@code clock}, in
   * nanoseconds: {@link Thread#yield} and {@link System#nanoTime}, or a test's stand-ins.
   */
  Backoff(Runnable yield, LongSupplier clock) {
    this.yield = yield;
    this.clock = clock;
  }

  /** Starts a new wait. */
  void reset() {
    spins = 0;
    startNanos = 0;
    yielded = false;
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
    long now = clock.getAsLong();
    if (startNanos == 0) {
      startNanos = now;
    }
    long waited = now - startNanos;
    if (waited < spinNanos) {
      Thread.onSpinWait();
      return false;
    }
    if (waited < YIELD_NANOS) {
      yielded = true;
      yield.run();
      if (clock.getAsLong() - now > YIELD_GAVE_WAY_NANOS) {
        spinNanos = Math.max(MIN_SPIN_NANOS, spinNanos / 2);
      }
      return false;
    }
    return true;
  }

  /** The wait that {@link #reset} started is over: the condition it waited for holds. */
  void done() {
    if (!yielded && spinNanos < SPIN_NANOS) {
      spinNanos = Math.min(SPIN_NANOS, spinNanos * 2);
    }
  }

  /** How long the next wait spins before it yields; for tests. */
  long spinNanos() {
    return spinNanos;
  }
}
