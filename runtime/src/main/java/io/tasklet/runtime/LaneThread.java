package io.tasklet.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BooleanSupplier;

/**
 * A thread of a runtime's {@link LanePool} that runs a lane (or, for launches with a deadline,
 * the coordinator) of one launch at a time.
 *
 * <p>Hand-off protocol: a launch writes the work into {@code work} (a volatile write that also
 * publishes everything written before it) and wakes the thread through its {@link Handoff}. The
 * thread takes the work, runs it, and waits for the next. A lane's work is its loop over the
 * launch's phases, which waits between phases through the same handoff ({@link #await}).
 *
 * <p>Whatever the work does, the thread survives it: an exception is the work's own business (a
 * launch records it before it gets here), and an interrupt left behind, by user code or by a
 * launch stopping its lanes, is cleared before the thread waits or runs the next work, so that an
 * idle thread parks instead of spinning and no work starts interrupted.
 */
final class LaneThread extends Thread {
  private static final VarHandle WORK;

  static {
    try {
      WORK = MethodHandles.lookup().findVarHandle(LaneThread.class, "work", Runnable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Work that tells the thread to end. */
  static final Runnable STOP = () -> {};

  private final LanePool pool;
  private final Handoff handoff = new Handoff();
  private final BooleanSupplier hasWork = () -> this.work != null;
  /** The next work; written by the launch that holds the thread (see {@link #hand}). */
  volatile Runnable work;

  LaneThread(LanePool pool, String name) {
    super(name);
    this.pool = pool;
    setDaemon(true);
  }

  /** The pool this thread belongs to. */
  LanePool pool() {
    return pool;
  }

  /** Hands {@code work} to this thread; its last work must have finished. */
  void hand(Runnable work) {
    this.work = work;
    wake();
  }

  /** Wakes the thread if it parked; after making what it waits for true. */
  void wake() {
    handoff.wake(this);
  }

  /**
   * Waits, on this thread, until {@code ready} holds or the thread is interrupted ({@link
   * Handoff#await}): for work running on it that waits for more, such as a launch's lane loop
   * between phases. The waker calls {@link #wake} after making {@code ready} true.
   */
  int await(BooleanSupplier ready) {
    return handoff.await(ready, Long.MAX_VALUE);
  }

  @Override
  public void run() {
    while (true) {
      while (handoff.await(hasWork, Long.MAX_VALUE) != Handoff.READY) {
        // interrupted while idle: the status is cleared; wait on
      }
      Runnable next = work;
      // A plain write, with no fence: the next hand-off comes only after this work has finished,
      // and the launch learns that through the lane's arrival, a volatile update made after it.
      WORK.set(this, null);
      if (next == STOP) {
        return;
      }
      Thread.interrupted();
      try {
        next.run();
      } catch (Throwable escaped) {
        // Launches catch what user code throws; nothing can reach here but an error thrown
        // while recording one, and the thread must outlive it to serve the next launch.
      }
    }
  }
}
