package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How long a waiter spins: the whole {@link Backoff#SPIN_NANOS} on cores of its own, less after
 * each yield that let another thread run on its core, and more again after waits that end while
 * spinning. The clock and the yield are stand-ins: each clock read moves the time on a little,
 * and a yield either returns at once, as on an idle core, or takes longer than {@link
 * Backoff#YIELD_GAVE_WAY_NANOS}, as when another thread ran in between.
 */
class BackoffTest {
  /** Nanoseconds that pass between two reads of the clock. */
  private static final long TICK = 100;

  private long now = 1;

  private Backoff backoff(boolean yieldsGiveWay) {
    return new Backoff(() -> {
      if (yieldsGiveWay) {
        now += 2 * Backoff.YIELD_GAVE_WAY_NANOS;
      }
    }, () -> now += TICK);
  }

  @Test
  void yieldsThatReturnAtOnceLeaveTheSpinAsItIs() {
    Backoff backoff = backoff(false);
    for (int wait = 0; wait < 3; wait++) {
      waitUntilPark(backoff);
      backoff.done();
      assertEquals(Backoff.SPIN_NANOS, backoff.spinNanos());
    }
  }

  @Test
  void aYieldThatGaveWayHalvesTheSpinDownToTheFloor() {
    Backoff backoff = backoff(true);
    long expected = Backoff.SPIN_NANOS;
    while (expected > Backoff.MIN_SPIN_NANOS) {
      expected = Math.max(Backoff.MIN_SPIN_NANOS, expected / 2);
      waitUntilPark(backoff);
      assertEquals(expected, backoff.spinNanos());
      backoff.done();
      assertEquals(expected, backoff.spinNanos(), "a wait that yielded does not spin longer");
    }
    waitUntilPark(backoff);
    assertEquals(Backoff.MIN_SPIN_NANOS, backoff.spinNanos());
  }

  @Test
  void waitsThatEndWhileSpinningDoubleTheSpinBackToTheWhole() {
    Backoff backoff = backoff(true);
    for (int wait = 0; wait < 8; wait++) {
      waitUntilPark(backoff);
    }
    assertEquals(Backoff.MIN_SPIN_NANOS, backoff.spinNanos());
    for (int wait = 0; backoff.spinNanos() < Backoff.SPIN_NANOS; wait++) {
      assertTrue(wait < 64, "the spin never grew back");
      long before = backoff.spinNanos();
      backoff.reset();
      assertFalse(backoff.idle()); // the first idle of a wait spins
      backoff.done();
      assertEquals(Math.min(Backoff.SPIN_NANOS, 2 * before), backoff.spinNanos());
    }
  }

  /** One whole wait: idles until the backoff says to park, or a yield gave way. */
  private static void waitUntilPark(Backoff backoff) {
    backoff.reset();
    long before = backoff.spinNanos();
    while (!backoff.idle() && backoff.spinNanos() == before) {
      // spins, then yields
    }
  }
}
