package io.tasklet.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The moment a launch must have ended by, on {@link System#nanoTime()}'s clock, fixed when {@code
 * launch()} is called: time spent waiting for free cores counts against it like any other.
 *
 * <p>A limit too large for a {@code long} of nanoseconds (about 292 years) saturates: such a
 * deadline is never reached, and the launch runs as if it had none.
 */
final class Deadline {
  /**
   * How long a launch that reached its deadline waits for its lanes to stop before it gives up on
   * them and quarantines their threads (see {@link TaskletRuntime}).
   */
  static final Duration GRACE = Duration.ofMillis(50);

  /**
   * The one timer thread that stops single-threaded tasklets at their deadline; started on first
   * use. Launches with lanes need none: their launching thread waits for the deadline itself.
   */
  static final ScheduledThreadPoolExecutor TIMER = timer();

  /** Limits from this many nanoseconds (about 146 years) on are never reached. */
  private static final long NEVER_NANOS = 1L << 62;

  private final Duration limit;
  private final long endNanos;

  private Deadline(Duration limit, long endNanos) {
    this.limit = limit;
    this.endNanos = endNanos;
  }

  /**
   * Checks a deadline given to a builder: not null, positive.
   *
   * @throws NullPointerException naming {@code limit} if it is null
   * @throws IllegalArgumentException if it is zero or negative
   */
  static Duration checked(Duration limit) {
    Objects.requireNonNull(limit, "deadline limit must not be null; leave it unset for none");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + limit);
    }
    return limit;
  }

  /** The deadline of {@code spec}, from now; null for none, or one too far away to ever pass. */
  static Deadline of(LaunchSpec<?> spec) {
    return spec.deadline().map(Deadline::after).orElse(null);
  }

  /** A deadline {@code limit} from now; null when {@code limit} is too far away to ever pass. */
  static Deadline after(Duration limit) {
    long nanos = saturatedNanos(limit);
    if (nanos >= NEVER_NANOS) {
      return null;
    }
    return new Deadline(limit, System.nanoTime() + nanos);
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "tasklet-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static long saturatedNanos(Duration limit) {
    try {
      return limit.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** The limit as it was given. */
  Duration limit() {
    return limit;
  }

  /** Nanoseconds left until the deadline; zero or negative once it passed. */
  long remainingNanos() {
    return endNanos - System.nanoTime();
  }

  /** Nanoseconds left until the deadline plus the grace. */
  long remainingWithGraceNanos() {
    return remainingNanos() + GRACE.toNanos();
  }
}
