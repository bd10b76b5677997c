package io.tasklet.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A thread of a runtime's {@link LanePool} that runs lanes of one launch at a time.
 *
 * <p>Hand-off protocol: the coordinator writes the lane's work into {@link #work} (a volatile
 * write that also publishes everything the coordinator wrote before, such as the phase's body) and
 * unparks the thread if it announced it was parking. The thread takes the work, runs it, and
 * waits for the next, spinning, then yielding, then parking ({@link Backoff}). Between launches the
 * thread sits in the pool's idle list, parked.
 *
 * <p>The two fields written by both sides live on their own cache line, padded on either side, so
 * that the hand-off never contends with a neighbouring lane's.
 */
final class LaneThread extends Thread {
  /** Work that tells the thread to end. */
  static final Runnable STOP = () -> {};

  private final Mailbox mailbox = new Mailbox();

  LaneThread(String name) {
    super(name);
    setDaemon(true);
  }

  /** Hands {@code work} to this thread; it must be idle (its last work finished). */
  void hand(Runnable work) {
    Mailbox box = mailbox;
    box.work = work;
    if (box.parked) {
      LockSupport.unpark(this);
    }
  }

  @Override
  public void run() {
    Mailbox box = mailbox;
    Backoff backoff = new Backoff();
    while (true) {
      backoff.reset();
      Runnable work;
      while ((work = box.work) == null) {
        if (backoff.idle()) {
          box.parked = true;
          if (box.work == null) {
            Backoff.park(this);
          }
          box.parked = false;
        }
      }
      box.work = null; // the next hand-off comes only after this work has finished
      if (work == STOP) {
        return;
      }
      work.run();
    }
  }

  @SuppressWarnings("unused") // the padding keeps other objects' fields off the mailbox's line
  private static class LeftPadding {
    long p00, p01, p02, p03, p04, p05, p06, p07;
  }

  private static class Fields extends LeftPadding {
    volatile Runnable work;
    volatile boolean parked;
  }

  @SuppressWarnings("unused")
  private static final class Mailbox extends Fields {
    long p10, p11, p12, p13, p14, p15, p16, p17;
  }
}
