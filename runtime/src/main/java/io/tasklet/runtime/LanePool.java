package io.tasklet.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lane threads of one {@link TaskletRuntime}, and the cores they may use.
 *
 * <p>A launch of {@code n} lanes holds {@code n} of the runtime's cores for its whole run: its
 * launching thread runs the coordinator and lane 0, and {@code n - 1} pool threads run the other
 * lanes. Launches that would need more cores than are free wait, in arrival order, until enough
 * are released. Since every running launch holds at least one core for its launching thread, the
 * pool never holds more than {@code cores - 1} threads, and no more than {@code cores} lanes run
 * at once in the whole runtime.
 */
final class LanePool {
  private static final AtomicInteger RUNTIMES = new AtomicInteger();

  private final int cores;
  private final Semaphore freeCores;
  private final String namePrefix;
  private final ArrayDeque<LaneThread> idle = new ArrayDeque<>(); // guarded by this
  private int threads; // guarded by this
  private boolean closed; // guarded by this

  LanePool(int cores) {
    this.cores = cores;
    this.freeCores = new Semaphore(cores, true);
    this.namePrefix = "tasklet-lane-" + RUNTIMES.incrementAndGet() + "-";
  }

  int cores() {
    return cores;
  }

  /**
   * Takes {@code lanes} cores, waiting at most {@code timeoutNanos} for them, and returns the
   * threads for lanes 1..lanes-1; null when the wait timed out.
   */
  LaneThread[] acquire(int lanes, long timeoutNanos) throws InterruptedException {
    if (!freeCores.tryAcquire(lanes, timeoutNanos, TimeUnit.NANOSECONDS)) {
      return null;
    }
    LaneThread[] taken = new LaneThread[lanes - 1];
    synchronized (this) {
      if (closed) {
        freeCores.release(lanes);
        throw new IllegalStateException("the runtime is closed");
      }
      for (int i = 0; i < taken.length; i++) {
        LaneThread thread = idle.pollFirst();
        if (thread == null) {
          thread = new LaneThread(namePrefix + ++threads);
          thread.start();
        }
        taken[i] = thread;
      }
    }
    return taken;
  }

  /** Gives back threads taken by {@link #acquire}, all idle again, and their cores. */
  void release(LaneThread[] taken) {
    synchronized (this) {
      for (LaneThread thread : taken) {
        if (closed) {
          thread.hand(LaneThread.STOP);
          threads--;
        } else {
          idle.addFirst(thread); // the most recently used thread is the likeliest to be spinning
        }
      }
    }
    freeCores.release(taken.length + 1);
  }

  /** Number of threads the pool has started and not stopped. */
  synchronized int threads() {
    return threads;
  }

  /** Stops the idle threads now and the others when their launch gives them back. */
  void close() {
    synchronized (this) {
      closed = true;
      for (LaneThread thread : idle) {
        thread.hand(LaneThread.STOP);
        threads--;
      }
      idle.clear();
    }
  }
}
