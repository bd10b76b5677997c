package io.tasklet.runtime;

import jdk.jfr.FlightRecorder;

/**
 * Where the runtime's JDK Flight Recorder events are emitted: {@link LaunchEvent}, {@link
 * PhaseEvent}, {@link FuelExhaustedEvent}, {@link QuarantineEvent} and {@link
 * QuarantineEndEvent}, all in the category "Tasklet".
 *
 * <p>Cost when nobody records: every method first reads whether Flight Recorder has been
 * initialized in this JVM (one volatile read, behind a constant for JVMs built without {@code
 * jdk.jfr}), and does nothing more when it has not. The event classes are not even loaded then:
 * loading a {@code jdk.jfr.Event} subclass makes a JVM without a recording load Flight
 * Recorder's metadata, a tenth of a second or more, which the first launch would otherwise pay. Once Flight Recorder runs, each event type
 * is asked whether it is enabled through one instance made when its class is loaded, so a launch
 * or phase that records nothing allocates nothing.
 *
 * <p>A phase's slowest lane comes from the busy time every lane already adds up in its fuel
 * account: the phase event takes a copy of those totals when it begins and subtracts it when the
 * lanes have arrived, so timing a phase adds no clock reads to the lanes.
 *
 * <p>Methods that take an event accept null, which is what {@link #launchBegins} and {@link
 * #phaseBegins} return when the event is not recorded.
 */
final class TaskletEvents {
  /** Whether the JVM has Flight Recorder at all: a jlink image may leave {@code jdk.jfr} out. */
  private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

  private TaskletEvents() {}

  /** Whether a recording may have started: Flight Recorder exists and was initialized. */
  private static boolean recorderStarted() {
    return AVAILABLE && FlightRecorder.isInitialized();
  }

  /** A launch event, begun, or null when launch events are not recorded. */
  static LaunchEvent launchBegins() {
    if (!recorderStarted() || !Probes.LAUNCH.isEnabled()) {
      return null;
    }
    LaunchEvent event = new LaunchEvent();
    event.begin();
    event.beganNanos = System.nanoTime();
    return event;
  }

  /** The launch got its cores: the wait for them ends now. */
  static void coresTaken(LaunchEvent event) {
    if (event != null) {
      event.coreWait = System.nanoTime() - event.beganNanos;
    }
  }

  /** The launch never ran: it gave up waiting for cores, or was rejected, with {@code thrown}. */
  static void launchNotStarted(LaunchEvent event, LaunchSpec<?> spec, LinearMemoryPlan plan,
      TaskletException thrown) {
    if (event == null) {
      return;
    }
    coresTaken(event);
    event.tasklet = spec.tasklet();
    event.lanes = plan.workers();
    event.planSize = plan.totalBytes();
    event.fuelPool = spec.maxFuel().isPresent();
    event.fuelGranted = spec.maxFuel().orElse(0);
    event.fuelRemaining = event.fuelGranted;
    event.outcome = LaunchEvent.NOT_STARTED;
    event.exceptionType = thrown.getClass().getName();
    event.commit();
  }

  /**
   * The launch of {@code tasklet} ends: it threw {@code thrown} (null: it completed), and gave up
   * on code it then {@code quarantined}.
   */
  static void launchEnds(LaunchEvent event, String tasklet, LinearMemoryPlan plan, FuelPool fuel,
      Throwable thrown, boolean quarantined) {
    if (event == null) {
      return;
    }
    event.tasklet = tasklet;
    event.lanes = plan.workers();
    event.planSize = plan.totalBytes();
    event.fuelPool = fuel.configured();
    event.fuelGranted = fuel.max();
    event.fuelConsumed = fuel.consumed();
    event.fuelRemaining = fuel.remaining();
    event.outcome = thrown == null ? LaunchEvent.COMPLETED
        : quarantined ? LaunchEvent.QUARANTINED : LaunchEvent.FAILED;
    event.exceptionType = thrown == null ? null : thrown.getClass().getName();
    event.commit();
  }

  /**
   * A phase event, begun, or null when phase events are not recorded. This and {@link
   * #phaseEnds} are on every phase's path: what they do when nothing records stays small enough
   * to inline, and the rest is in methods of its own.
   */
  static PhaseEvent phaseBegins() {
    return recorderStarted() ? beginPhase() : null;
  }

  private static PhaseEvent beginPhase() {
    if (!Probes.PHASE.isEnabled()) {
      return null;
    }
    PhaseEvent event = new PhaseEvent();
    event.begin();
    return event;
  }

  /**
   * Every lane of the phase of {@code tasklet} has arrived, each having been busy for {@code
   * laneBusyNanos} in it; on the coordinator thread.
   */
  static void phaseEnds(PhaseEvent event, String tasklet, long[] laneBusyNanos) {
    if (event != null) {
      endPhase(event, tasklet, laneBusyNanos);
    }
  }

  private static void endPhase(PhaseEvent event, String tasklet, long[] laneBusyNanos) {
    event.end();
    if (!event.shouldCommit()) {
      return;
    }
    long slowest = -1;
    long fastest = Long.MAX_VALUE;
    for (int i = 0; i < laneBusyNanos.length; i++) {
      long busy = laneBusyNanos[i];
      if (busy > slowest) {
        slowest = busy;
        event.slowestLane = i;
      }
      fastest = Math.min(fastest, busy);
    }
    event.tasklet = tasklet;
    event.lanes = laneBusyNanos.length;
    event.slowestLaneTime = slowest;
    event.fastestLaneTime = fastest;
    event.commit();
  }

  /** A checkpoint of {@code lane} asked for {@code requested} with {@code remaining} left. */
  static void fuelExhausted(String tasklet, int lane, long requested, long remaining,
      boolean configured) {
    if (!recorderStarted()) {
      return;
    }
    FuelExhaustedEvent event = new FuelExhaustedEvent();
    if (event.shouldCommit()) {
      event.tasklet = tasklet;
      event.lane = lane;
      event.requested = requested;
      event.remaining = remaining;
      event.fuelPool = configured;
      event.commit();
    }
  }

  /** The launch of {@code tasklet} quarantined {@code threads} threads and {@code cores} cores. */
  static void quarantined(String tasklet, String running, int threads, int cores) {
    if (!recorderStarted()) {
      return;
    }
    QuarantineEvent event = new QuarantineEvent();
    if (event.shouldCommit()) {
      event.tasklet = tasklet;
      event.running = running;
      event.threads = threads;
      event.cores = cores;
      event.commit();
    }
  }

  /** The quarantined code of {@code tasklet} ended; its threads and cores go back. */
  static void quarantineEnded(String tasklet, int threads, int cores) {
    if (!recorderStarted()) {
      return;
    }
    QuarantineEndEvent event = new QuarantineEndEvent();
    if (event.shouldCommit()) {
      event.tasklet = tasklet;
      event.threads = threads;
      event.cores = cores;
      event.commit();
    }
  }

  /**
   * One instance of each frequent event, to ask whether it is enabled without making one per
   * launch or phase; loaded only once Flight Recorder runs.
   */
  private static final class Probes {
    static final LaunchEvent LAUNCH = new LaunchEvent();
    static final PhaseEvent PHASE = new PhaseEvent();
  }
}
