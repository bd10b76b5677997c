package io.tasklet.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lane threads of one {@link TaskletRuntime}, and the cores they may use.
 *
 * <p>A launch of {@code n} lanes holds {@code n} of the runtime's cores for its whole run, and
 * {@code n - 1} pool threads for lanes 1..n-1, or {@code n} when its coordinator runs on a pool
 * thread too (launches with a deadline). Launches that would need more cores than are free wait,
 * in arrival order, until enough are released. A pool thread serves one launch at a time and
 * holds one of its cores, so the pool never has more threads than cores.
 *
 * <p>Quarantine: a launch that gave up on lanes that did not stop (see {@link Launch}) leaves
 * their threads and its cores held, counted as quarantined, until its code ends and gives them
 * back. If it never ends, they stay held: Java cannot stop a thread.
 */
final class LanePool {
  private static final AtomicInteger RUNTIMES = new AtomicInteger();

  private final int cores;
  private final Semaphore freeCores;
  private final String namePrefix;
  private final ThreadLocal<Boolean> launching = new ThreadLocal<>();
  private final ArrayDeque<LaneThread> idle = new ArrayDeque<>(); // guarded by this
  private int threads; // guarded by this
  private int quarantined; // guarded by this
  private int nextThread; // guarded by this
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
   * Whether the calling thread already holds cores of this pool: it is one of its threads, or it
   * is in a launch on it. Such a thread waiting for more cores could wait for itself.
   */
  boolean holdsCores() {
    return (Thread.currentThread() instanceof LaneThread lane && lane.pool() == this)
        || launching.get() != null;
  }

  /** Marks the calling thread as launching on this pool, until {@link #leave}. */
  void enter() {
    launching.set(Boolean.TRUE);
  }

  /** Ends what {@link #enter} began. */
  void leave() {
    launching.remove();
  }

  /**
   * Takes {@code lanes} cores, waiting at most {@code timeoutNanos} for them, and returns {@code
   * count} pool threads; null when the wait timed out.
   *
   * @throws IllegalStateException if the pool is closed
   * @throws ThreadStartFailed if a thread could not be started; nothing is held
   */
  LaneThread[] acquire(int lanes, int count, long timeoutNanos) throws InterruptedException {
    if (!freeCores.tryAcquire(lanes, timeoutNanos, TimeUnit.NANOSECONDS)) {
      return null;
    }
    LaneThread[] taken = new LaneThread[count];
    synchronized (this) {
      if (closed) {
        freeCores.release(lanes);
        throw new IllegalStateException("the runtime is closed");
      }
      for (int i = 0; i < count; i++) {
        LaneThread thread = idle.pollFirst();
        if (thread == null) {
          try {
            thread = start();
          } catch (Throwable e) { // OutOfMemoryError: unable to create native thread
            for (int j = 0; j < i; j++) {
              idle.addFirst(taken[j]);
            }
            freeCores.release(lanes);
            throw new ThreadStartFailed(e);
          }
        }
        taken[i] = thread;
      }
    }
    return taken;
  }

  private LaneThread start() {
    LaneThread thread = new LaneThread(this, namePrefix + ++nextThread);
    thread.start();
    threads++;
    return thread;
  }

  /** Gives back threads taken by {@link #acquire}, all idle again, and {@code lanes} cores. */
  void release(LaneThread[] taken, int lanes) {
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
    freeCores.release(lanes);
  }

  /** Counts {@code taken} as quarantined; their cores stay held. */
  synchronized void quarantine(LaneThread[] taken) {
    quarantined += taken.length;
  }

  /** Ends the quarantine of {@code taken}, giving them and {@code lanes} cores back. */
  void endQuarantine(LaneThread[] taken, int lanes) {
    synchronized (this) {
      quarantined -= taken.length;
    }
    release(taken, lanes);
  }

  /** Number of threads the pool has started and not stopped, quarantined ones included. */
  synchronized int threads() {
    return threads;
  }

  /** Number of threads held by launches that gave up on them. */
  synchronized int quarantined() {
    return quarantined;
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

  /** A lane thread could not be started; its cause says why. */
  static final class ThreadStartFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ThreadStartFailed(Throwable cause) {
      super(cause);
    }
  }
}
