package io.tasklet.runtime;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A delay, for tests that need time to pass (never to wait for another thread). */
final class LockSupportSleep {
  private LockSupportSleep() {}

  static void sleep(Duration delay) {
    long end = System.nanoTime() + delay.toNanos();
    for (long left = delay.toNanos(); left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
