package io.tasklet.runtime;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Whether a launch goes on, and why not: the stopping flag that every checkpoint and phase reads,
 * the first failure (later ones are dropped), whether the launching thread was interrupted, and
 * whether the launch has ended.
 *
 * <p>Raising the flag runs the launch's stop action once (it interrupts the lanes still running
 * on lane threads, so that a lane blocked in {@code sleep} or {@code take} does not hold the launch
 * up). Turning what user code threw into a {@link TaskletException} happens here too, and never
 * calls user code that could throw: see {@link #describe}.
 */
final class LaunchState {
  private final String tasklet;
  private final Thread launchingThread;
  private final AtomicReference<TaskletException> failure = new AtomicReference<>();
  private volatile boolean stopping;
  private volatile boolean ended;
  private volatile boolean interrupted;
  private Runnable onStop = () -> {};
  private IntSupplier laneOfCurrentThread = () -> TaskletException.NO_LANE;

  LaunchState(String tasklet, Thread launchingThread) {
    this.tasklet = tasklet;
    this.launchingThread = launchingThread;
  }

  /** Sets what to do, once, when the launch starts stopping; before any lane runs. */
  void onStop(Runnable action) {
    this.onStop = action;
  }

  /**
   * Sets how to tell which code runs on the calling thread: a lane's index, or {@link
   * TaskletException#NO_LANE} for the coordinator; before any lane runs.
   */
  void laneOfCurrentThread(IntSupplier lane) {
    this.laneOfCurrentThread = lane;
  }

  String tasklet() {
    return tasklet;
  }

  boolean stopping() {
    return stopping;
  }

  /** The first failure; null while there is none. */
  TaskletException failure() {
    return failure.get();
  }

  /** Whether the launching thread was interrupted during the launch. */
  boolean interrupted() {
    return interrupted;
  }

  /** Marks the launch as ended: from now on every context method throws. */
  void end() {
    ended = true;
    stopping = true;
  }

  /** Throws {@link IllegalStateException} if the launch has ended. */
  void checkNotEnded() {
    if (ended) {
      throw endedError();
    }
  }

  /**
   * Throws the stop signal if the launch is stopping or its launching thread was interrupted (an
   * interrupt of the launching thread stops the launch), and {@link IllegalStateException} once it
   * has ended. {@code lane} is the lane asking ({@link TaskletException#NO_LANE}: the coordinator).
   */
  void checkRunning(int lane) {
    if (stopping) {
      if (ended) {
        throw endedError();
      }
      throw stopped();
    }
    if (launchingThread.isInterrupted()) {
      if (Thread.currentThread() == launchingThread) {
        Thread.interrupted(); // cleared so that waiting for lanes can park; set again at the end
      }
      launchingThreadInterrupted(lane);
      throw stopped();
    }
  }

  private IllegalStateException endedError() {
    return new IllegalStateException(tasklet + ": this context belongs to a launch that has ended;"
        + " contexts and the segments they hand out are valid only during their launch");
  }

  /** Records that the launching thread was interrupted, noticed by {@code lane}. */
  void launchingThreadInterrupted(int lane) {
    interrupted = true;
    fail(new LaunchInterruptedException(
        tasklet, lane, "the launching thread was interrupted; the launch was stopped", null));
  }

  /** Records that lane {@code lane} ran out of fuel, and returns the signal to throw. */
  TaskletStoppedException fuelExhausted(
      int lane, long requested, long remaining, boolean configured) {
    fail(new FuelExhaustedException(tasklet, lane, requested, remaining, configured));
    TaskletEvents.fuelExhausted(tasklet, lane, requested, remaining, configured);
    return stopped();
  }

  /**
   * Records that the code running on the calling thread misused a context ({@code misuse} says
   * how) and returns the error to throw: the launch fails even if user code catches it.
   */
  IllegalStateException misused(String misuse) {
    IllegalStateException error = new IllegalStateException(tasklet + ": " + misuse);
    int lane = laneOfCurrentThread.getAsInt();
    String where = lane == TaskletException.NO_LANE ? "the coordinator" : "lane " + lane;
    fail(lane == TaskletException.NO_LANE
        ? new CoordinatorFailedException(tasklet, lane, where + " misused a context: " + misuse,
            error)
        : new LaneFailedException(tasklet, lane, where + " misused a context: " + misuse, error));
    return error;
  }

  /** The signal that unwinds user code once the launch is stopping. */
  TaskletStoppedException stopped() {
    TaskletException first = failure.get();
    return new TaskletStoppedException(
        first != null ? first.getMessage() : tasklet + ": the launch is stopping");
  }

  /**
   * Records {@code e} if it is the first failure, and stops the launch. Every caller raises the
   * stopping flag before it returns, the one that lost the race to be first too, so that no
   * checkpoint succeeds after any {@code fail} returned.
   */
  void fail(TaskletException e) {
    boolean first = failure.compareAndSet(null, e);
    stopping = true;
    if (first) {
      onStop.run();
    }
  }

  /**
   * Records what user code on lane {@code lane} ({@link TaskletException#NO_LANE}: the
   * coordinator) threw. Never throws, whatever {@code t} does.
   */
  void failed(int lane, Throwable t) {
    try {
      fail(classify(lane, t));
    } catch (Throwable unexpected) { // a StackOverflowError or OutOfMemoryError while recording
      fail(lane == TaskletException.NO_LANE
          ? new CoordinatorFailedException(tasklet, lane, "the coordinator failed", t)
          : new LaneFailedException(tasklet, lane, "lane " + lane + " failed", t));
    }
  }

  private TaskletException classify(int lane, Throwable t) {
    if (t instanceof TaskletStoppedException) {
      TaskletException first = failure.get();
      if (first != null) {
        return first; // the signal of a failure already recorded
      }
    }
    if (Thread.currentThread() == launchingThread && causedBy(t, InterruptedException.class)) {
      interrupted = true;
      return new LaunchInterruptedException(tasklet, lane,
          "the launching thread was interrupted; the launch was stopped", t);
    }
    String where = lane == TaskletException.NO_LANE ? "the coordinator" : "lane " + lane;
    if (t instanceof IndexOutOfBoundsException && isMemoryAccess(t)) {
      return new MemoryAccessException(
          tasklet, lane, "memory access out of range in " + where + ": " + describe(t), t);
    }
    return lane == TaskletException.NO_LANE
        ? new CoordinatorFailedException(tasklet, lane, "the coordinator threw " + describe(t), t)
        : new LaneFailedException(tasklet, lane, where + " threw " + describe(t), t);
  }

  /**
   * Whether an {@link IndexOutOfBoundsException} came from an access to a memory segment (the
   * FFM API's bounds check, or a generated view's index check) rather than from, say, a list.
   */
  private static boolean isMemoryAccess(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String origin = frame.getClassName();
      if (origin.startsWith("jdk.internal.foreign.") || origin.startsWith("java.lang.foreign.")
          || origin.equals(Views.class.getName())) {
        return true;
      }
      if (!origin.startsWith("java.") && !origin.startsWith("jdk.")) {
        return false; // the first frame of code outside the JDK threw it
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class name and message of {@code t}, for a failure's message. {@code getMessage()} is
   * user code and may throw, or recurse until the stack overflows; then the message says so and
   * the class name stands alone. {@code toString()} is never called.
   */
  static String describe(Throwable t) {
    String type = t.getClass().getName();
    String message;
    try {
      message = t.getMessage();
    } catch (Throwable thrown) {
      return type + " (its getMessage() threw " + thrown.getClass().getName() + ")";
    }
    return message == null ? type : type + ": " + message;
  }
}
