package io.tasklet.runtime;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one way a thread of a launch waits for another to make a condition true: a lane thread for
 * its next work, a coordinator for the lanes of its phase, a launching thread for its coordinator.
 *
 * <p>The waiter spins, then yields, then parks ({@link Backoff}). The no-lost-wake-up handshake:
 * the waiter announces that it is about to park ({@code parked}, volatile) and then re-checks the
 * condition; the waker first makes the condition true through a volatile write and then checks the
 * announcement. Whatever the interleaving, one of them sees the other's write, so a waiter never
 * sleeps through its wake-up. The announcement lives on a cache line of its own, padded on either
 * side, so that waiting never contends with a neighbouring lane's writes.
 *
 * <p>The waiter's interrupt status is its caller's business: {@link #await} returns {@link
 * #INTERRUPTED} having cleared it, so that a waiter can act on it and then park again.
 */
final class Handoff extends HandoffFields {
  /** The condition became true. */
  static final int READY = 0;

  /** The waiting thread was interrupted; its interrupt status is now clear. */
  static final int INTERRUPTED = 1;

  /** The timeout passed first. */
  static final int TIMED_OUT = 2;

  @SuppressWarnings("unused")
  private long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;

  /**
   * Waits on the calling thread until {@code ready} holds, the thread is interrupted, or {@code
   * timeoutNanos} pass ({@link Long#MAX_VALUE}: no timeout). Only one thread waits on a handoff.
   */
  int await(BooleanSupplier ready, long timeoutNanos) {
    if (ready.getAsBoolean()) {
      return READY;
    }
    long end = timeoutNanos == Long.MAX_VALUE ? 0 : System.nanoTime() + timeoutNanos;
    Backoff wait = backoff;
    wait.reset();
    while (!ready.getAsBoolean()) {
      if (Thread.interrupted()) {
        return INTERRUPTED;
      }
      if (wait.idle()) {
        long left = end == 0 ? Long.MAX_VALUE : end - System.nanoTime();
        if (left <= 0) {
          return ready.getAsBoolean() ? READY : TIMED_OUT;
        }
        parked = true;
        if (!ready.getAsBoolean()) {
          if (end == 0) {
            LockSupport.park(this);
          } else {
            LockSupport.parkNanos(this, left);
          }
        }
        parked = false;
      }
    }
    wait.done();
    return READY;
  }

  /** Wakes {@code waiter} if it parked; call after making its condition true. */
  void wake(Thread waiter) {
    if (parked) {
      LockSupport.unpark(waiter);
    }
  }
}

class HandoffFields extends CacheLinePadding {
  volatile boolean parked;

  /** The waiter's own; read only by it. */
  final Backoff backoff = new Backoff();
}
