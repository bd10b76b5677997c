package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One run of a tasklet over its block of linear memory: the regions, the lanes' contexts, the
 * phases, and the result. Whether it goes on is {@link LaunchState}'s business, fuel is {@link
 * FuelPool}'s, and how a thread waits for another is {@link Handoff}'s.
 *
 * <p>Threads: the coordinator and lane 0 run on one thread, the <em>coordinator thread</em>; lanes
 * 1..n-1 run on the pool threads the launch holds. Without a deadline the coordinator thread is
 * the launching thread itself, which saves a hand-off at either end. With a deadline it is one
 * more pool thread, and the launching thread only waits, so that it can return at the deadline
 * (plus {@link Deadline#GRACE}) whatever user code does.
 *
 * <p>Phases: each pool thread runs its lane's {@linkplain #laneLoop loop} for the whole launch,
 * handed to it with the first phase. Lane {@code i} and the coordinator meet in the lane's {@link
 * Slot}: to start a phase, the coordinator writes the phase's body and its number there (the
 * number last, a volatile write that publishes the body) and wakes the thread if it parked; the
 * lane runs the body, writes back when it ended and the number as the phase it finished, and wakes
 * the coordinator thread if that parked. The coordinator counts each lane's busy time, from the
 * phase's start to the end the lane wrote back, when the phase is over, on its own thread. Each
 * direction has cache lines of its own that only one side writes ({@link CacheLinePadding}), and
 * a lane reads nothing else the coordinator writes, so a round trip moves one line to each lane
 * and one back. Meanwhile the coordinator thread runs lane 0, then waits until
 * every lane has finished the phase. A phase always waits for every lane it started: if a {@link
 * StackOverflowError} cuts the coordinator's side of a phase short, the launch fails and the
 * coordinator thread waits for the phase's lanes from the bottom of its stack before the launch
 * ends. When the coordinator's code is over, it writes {@link Slot#CLOSED} to every slot, and the
 * lane loops return.
 *
 * <p>Stopping: the first failure anywhere raises the stopping flag, which every checkpoint and
 * every phase start reads, and interrupts the pool threads of the launch, so that lanes blocked in
 * {@code sleep} or a queue wake up. Interrupts never reach a thread after the launch gave it back:
 * they are sent, and the threads given back, under the launch's lock.
 *
 * <p>Quarantine: if the launching thread gives up on its coordinator thread at the deadline (its
 * code ignored the stop for the whole grace), the launch is <em>abandoned</em>: {@link #run} fails
 * with {@link DeadlineExceededException} naming the lanes still running, and the launch's threads,
 * cores and memory are given back by the coordinator thread when its code finally ends. Whichever
 * of the two happens first decides, through one compare-and-set.
 */
final class Launch<S, W> {
  private static final VarHandle OUTCOME;

  static {
    try {
      OUTCOME = MethodHandles.lookup().findVarHandle(Launch.class, "outcome", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int ABANDONED = 2;

  private static final MemorySegment EMPTY = MemorySegment.NULL;

  /** Inputs of at least this many bytes are copied in by all the lanes, each copying its share. */
  static final long PARALLEL_COPY_BYTES = 256 * 1024;

  /** What the launch gives back when it is over: its threads, cores and memory. */
  interface Resources {
    /** Gives everything back. */
    void release();

    /** Marks the launch's threads as quarantined, until {@link #releaseQuarantined}. */
    void quarantine();

    /** Gives back what a quarantined launch held. */
    void releaseQuarantined();
  }

  private final LaunchSpec<S> spec;
  private final LinearMemoryPlan plan;
  private final LaunchState state;
  private final Resources resources;
  private final Thread launchingThread;
  private final LaneThread coordinatorLane; // null: the coordinator runs on the launching thread
  private final LaneThread[] threads; // lanes 1..n-1
  private final Deadline deadline; // null: none
  private final MemorySegment shared;
  private final MemorySegment inputRegion;
  private final MemorySegment input;
  private final MemorySegment output;
  private final FuelPool fuel;
  private final Coordinator coordinator;
  private final List<Lane> lanes;
  private final List<Slot<S, W>> slots; // lanes 1..n-1
  private final Runnable[] laneLoops; // lanes 1..n-1
  private final Arrivals arrivals = new Arrivals();
  private final BooleanSupplier allFinished = this::lanesFinished;
  private Thread coordinatorThread;
  private final Phases phases = new Phases();
  // Each lane's time from the start of a phase to the end of its body: in the last phase, and in
  // all. Written by the coordinator thread only.
  private final long[] phaseBusyNanos;
  private final long[] busyNanos;
  private boolean released; // guarded by this: the threads were given back
  /** {@link #RUNNING}, then {@link #FINISHED} by the coordinator or {@link #ABANDONED} by us. */
  private volatile int outcome;

  /**
   * A launch of {@code spec} over {@code block}, laid out as {@code plan}, whose lanes 1..n-1
   * run on {@code threads} and whose coordinator runs on {@code coordinatorLane} (null: on the
   * launching thread, which it must be when there is no {@code deadline}).
   */
  Launch(LaunchSpec<S> spec, LinearMemoryPlan plan, MemorySegment block, Deadline deadline,
      LaneThread coordinatorLane, LaneThread[] threads, Resources resources) {
    this.spec = spec;
    this.deadline = deadline;
    this.plan = plan;
    this.resources = resources;
    this.launchingThread = Thread.currentThread();
    this.coordinatorLane = coordinatorLane;
    this.threads = threads;
    this.state = new LaunchState(spec.tasklet(), launchingThread);
    state.onStop(this::interruptLanes);
    state.laneOfCurrentThread(this::laneOfCurrentThread);
    this.shared = region(block, plan.sharedOffset(), plan.sharedBytes());
    this.inputRegion = region(block, plan.inputOffset(), plan.inputBytes());
    MemorySegment given = spec.input();
    this.input = (spec.copiesInput() || given.byteSize() == 0 ? inputRegion : given).asReadOnly();
    this.output = spec.outputTo()
        .map(destination -> destination.asSlice(0, spec.outputBytes()))
        .orElseGet(() -> region(block, plan.outputOffset(), plan.outputBytes()));
    int workers = plan.workers();
    this.fuel = new FuelPool(state, spec.maxFuel().orElse(-1), workers);
    this.lanes = new ArrayList<>(workers);
    this.phaseBusyNanos = new long[workers];
    this.busyNanos = new long[workers];
    this.slots = new ArrayList<>(threads.length);
    this.laneLoops = new Runnable[threads.length];
    for (int i = 0; i < workers; i++) {
      lanes.add(new Lane(i, region(block, plan.scratchOffset(i), plan.scratchBytes()),
          fuel.lane(i)));
      if (i > 0) {
        int lane = i;
        slots.add(new Slot<>());
        laneLoops[i - 1] = () -> laneLoop(lane);
      }
    }
    this.coordinator = new Coordinator(fuel.coordinator());
  }

  private static MemorySegment region(MemorySegment block, long offset, long bytes) {
    return bytes == 0 ? EMPTY : block.asSlice(offset, bytes);
  }

  /** User code the launch runs on its coordinator thread: a coordinator or a single tasklet. */
  interface UserCode<C> {
    void run(C context) throws Exception;
  }

  /**
   * Runs {@code code} with the coordinator's context and returns the result, or throws the first
   * failure. When it returns or throws, no code of the launch is running, its memory is released
   * and its threads are given back; except when it gave up on code that ignored the stop, which
   * then keeps them (quarantined) until it ends. Commits {@code event} (null: none) at the end.
   */
  TaskletResult<S> run(UserCode<? super Coordinator> code, LaunchEvent event)
      throws TaskletException {
    long start = System.nanoTime();
    boolean abandoned = false;
    ScheduledFuture<?> timer = null;
    Throwable thrown = null;
    try {
      if (spec.copiesInput() && !LaunchSpec.anyThreadMayAccess(spec.input())) {
        inputRegion.copyFrom(spec.input()); // a confined arena's: only this thread can read it
      }
      if (coordinatorLane == null) {
        if (deadline != null) { // a tasklet on the calling thread: stopped at its next checkpoint
          timer = Deadline.TIMER.schedule(() -> state.fail(deadlineExceeded()),
              Math.max(deadline.remainingNanos(), 0), TimeUnit.NANOSECONDS);
        }
        coordinate(code);
      } else {
        abandoned = awaitCoordinatorLane(code);
      }
      if (abandoned) {
        throw abandonedFailure();
      }
      return result(Duration.ofNanos(System.nanoTime() - start));
    } catch (Throwable e) {
      thrown = e;
      throw e;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
      state.end();
      if (!abandoned) {
        releaseThreads();
        resources.release();
      }
      if (state.interrupted()) {
        launchingThread.interrupt();
      }
      TaskletEvents.launchEnds(event, state.tasklet(), plan, fuel, thrown, abandoned);
    }
  }

  /**
   * Hands the coordinator to its pool thread and waits for it: until the deadline, then, the launch
   * stopped, for the grace (an interrupt of the launching thread stops it too). Returns whether it
   * gave up on the coordinator thread.
   */
  private boolean awaitCoordinatorLane(UserCode<? super Coordinator> code) {
    coordinatorLane.hand(() -> {
      try {
        coordinate(code);
      } finally {
        if (OUTCOME.compareAndSet(this, RUNNING, FINISHED)) {
          arrivals.launcher.wake(launchingThread);
        } else {
          releaseThreads();
          try {
            TaskletEvents.quarantineEnded(state.tasklet(), threads.length + 1, lanes.size());
          } finally { // whatever recording the event does, the cores go back
            resources.releaseQuarantined();
          }
        }
      }
    });
    BooleanSupplier done = () -> outcome == FINISHED;
    long giveUpAt = 0; // when the grace of the stopped launch ends; 0 while it is not stopped
    while (true) {
      long timeout = giveUpAt == 0
          ? deadline.remainingNanos()
          : giveUpAt - System.nanoTime();
      int waited = arrivals.launcher.await(done, Math.max(timeout, 0));
      if (waited == Handoff.READY) {
        return false;
      }
      if (waited == Handoff.INTERRUPTED) {
        state.launchingThreadInterrupted(TaskletException.NO_LANE);
      } else if (giveUpAt == 0) {
        state.fail(deadlineExceeded());
      } else if (OUTCOME.compareAndSet(this, RUNNING, ABANDONED)) {
        resources.quarantine();
        return true;
      } // else the coordinator finished just now
      if (giveUpAt == 0) {
        giveUpAt = System.nanoTime() + Deadline.GRACE.toNanos();
      }
    }
  }

  private DeadlineExceededException deadlineExceeded() {
    return new DeadlineExceededException(state.tasklet(), TaskletException.NO_LANE,
        "deadline of " + deadline.limit() + " passed; the launch was stopped", null);
  }

  private DeadlineExceededException abandonedFailure() {
    StringJoiner running = new StringJoiner(", ");
    for (Lane lane : lanes) {
      if (lane.account.owned()) {
        running.add("lane " + lane.index);
      }
    }
    String which = running.length() == 0 ? "the coordinator" : running.toString();
    TaskletEvents.quarantined(state.tasklet(), which, threads.length + 1, lanes.size());
    TaskletException first = state.failure();
    return new DeadlineExceededException(state.tasklet(), TaskletException.NO_LANE,
        (first instanceof DeadlineExceededException
            ? "deadline of " + deadline.limit() + " passed and "
            : "the launch was stopped and ")
            + which + " did not stop within the grace of " + Deadline.GRACE.toMillis()
            + " ms; " + (running.length() == 0 ? "its thread is" : "their threads are")
            + " quarantined, holding the launch's cores and memory until the code ends",
        first instanceof DeadlineExceededException ? null : first);
  }

  /**
   * Runs the coordinator on the calling thread, the coordinator thread: copies the input in, runs
   * {@code code}, records what it threw, and settles a phase it left open. Never throws.
   */
  private void coordinate(UserCode<? super Coordinator> code) {
    coordinatorThread = Thread.currentThread();
    coordinator.account.own();
    try {
      if (!state.stopping()) {
        copyInput();
        code.run(coordinator);
      }
    } catch (Throwable t) {
      state.failed(TaskletException.NO_LANE, t);
    } finally {
      coordinator.account.disown();
      if (phases.open) {
        settlePhase();
      }
      closeLanes();
    }
  }

  /**
   * Copies an input that lanes may read, when the launch copies it at all, into its region: a
   * large one in a first phase in which every lane copies its share, so that no lane idles while
   * one thread copies megabytes; a small one on the coordinator thread.
   */
  private void copyInput() {
    MemorySegment source = spec.input();
    if (!spec.copiesInput() || !LaunchSpec.anyThreadMayAccess(source)) {
      return; // read in place, or copied by the launching thread already
    }
    long bytes = source.byteSize();
    if (bytes < PARALLEL_COPY_BYTES || threads.length == 0) {
      inputRegion.copyFrom(source);
      return;
    }
    parallelForWorkers(lane -> {
      Share share = lane.share(bytes);
      MemorySegment.copy(source, share.start(), inputRegion, share.start(), share.size());
    });
  }

  private TaskletResult<S> result(Duration elapsed) throws TaskletException {
    TaskletException first = state.failure();
    if (first != null) {
      throw first;
    }
    S sharedState;
    byte[] outputBytes;
    try {
      sharedState = spec.sharedReader().apply(shared);
      outputBytes = spec.outputTo().isPresent() ? null : output.toArray(ValueLayout.JAVA_BYTE);
    } catch (Throwable e) {
      throw new CoordinatorFailedException(state.tasklet(), TaskletException.NO_LANE,
          "the shared state could not be read back: " + LaunchState.describe(e), e);
    }
    List<LaneFigures> figures = new ArrayList<>(lanes.size());
    for (Lane lane : lanes) {
      figures.add(new LaneFigures(
          lane.index, Duration.ofNanos(busyNanos[lane.index]), lane.account.consumed()));
    }
    return new TaskletResult<>(sharedState, outputBytes, outputBytes == null ? output : null,
        fuel.configured() ? OptionalLong.of(fuel.max()) : OptionalLong.empty(),
        fuel.consumed(), elapsed, figures, plan);
  }

  /** The lane whose body runs on the calling thread, or the coordinator's {@code NO_LANE}. */
  private int laneOfCurrentThread() {
    Thread self = Thread.currentThread();
    if (self == coordinatorThread) {
      return !lanes.isEmpty() && lanes.get(0).account.owned() ? 0 : TaskletException.NO_LANE;
    }
    for (int i = 0; i < threads.length; i++) {
      if (threads[i] == self) {
        return i + 1;
      }
    }
    return TaskletException.NO_LANE;
  }

  /** Interrupts the pool threads of the launch but the calling one; the stop action. */
  private void interruptLanes() {
    Thread self = Thread.currentThread();
    synchronized (this) {
      if (released) {
        return;
      }
      if (coordinatorLane != null && coordinatorLane != self) {
        coordinatorLane.interrupt();
      }
      for (LaneThread thread : threads) {
        if (thread != self) {
          thread.interrupt();
        }
      }
    }
  }

  /** From now on, the stop action interrupts no thread: they are about to be given back. */
  private synchronized void releaseThreads() {
    released = true;
  }

  /**
   * Lane {@code index}'s work on its pool thread for the whole launch: waits for each phase in its
   * slot, runs it, and hands the number back, until the slot is {@linkplain Slot#CLOSED closed}.
   * It reads only its slot, its own lane and what never changes during the launch, kept in locals.
   */
  private void laneLoop(int index) {
    LaneThread thread = (LaneThread) Thread.currentThread();
    Slot<S, W> slot = slots.get(index - 1);
    Lane lane = lanes.get(index);
    Handoff coordinatorWaits = arrivals.coordinator;
    Thread coordinator = coordinatorThread; // set before the first phase handed this loop over
    BooleanSupplier handedPhase = () -> slot.phase != slot.finished; // a new phase, or CLOSED
    while (true) {
      while (thread.await(handedPhase) != Handoff.READY) {
        // interrupted between phases: the status is cleared; wait on
      }
      long number = slot.phase;
      if (number == Slot.CLOSED) {
        return;
      }
      Thread.interrupted(); // left over from the lane's last body
      long end = 0;
      try {
        end = runLane(lane, slot.body);
      } catch (Throwable recording) {
        // runLane records what the body throws; this is an error thrown while recording it (out
        // of memory), and the loop must go on: the coordinator waits for this lane's every phase.
      } finally {
        slot.endNanos = end;
        slot.finished = number;
        coordinatorWaits.wake(coordinator);
      }
    }
  }

  /**
   * Runs {@code body} as {@code lane}, recording what it throws, and returns when it ended, by
   * {@link System#nanoTime}; never throws itself.
   */
  private long runLane(Lane lane, LaneBody<S, W> body) {
    FuelPool.Account account = lane.account;
    account.own();
    try {
      if (!state.stopping()) {
        body.run(lane);
      }
    } catch (Throwable t) {
      state.failed(lane.index, t);
    } finally {
      account.disown();
    }
    return System.nanoTime();
  }

  private void parallelForWorkers(LaneBody<S, W> body) {
    state.checkNotEnded();
    coordinator.account.checkOwner(); // on the coordinator thread, outside a phase
    Objects.requireNonNull(body, "body");
    state.checkRunning(TaskletException.NO_LANE);
    coordinator.account.disown(); // the lanes may need its lease; it draws none during the phase
    PhaseEvent event = TaskletEvents.phaseBegins();
    Phases current = phases;
    long number = current.number + 1;
    current.number = number;
    current.open = true;
    current.handed = 0;
    // Before the hand-offs, so that no lane can start before its phase did: a lane's busy time
    // counts from here even if this thread is descheduled while it hands the phase out.
    long start = System.nanoTime();
    for (int i = 1; i < lanes.size(); i++) {
      Slot<S, W> slot = slots.get(i - 1);
      LaneThread thread = threads[i - 1];
      slot.body = body;
      // No method call from here to handed = i, so that it counts exactly the lanes whose
      // slot holds the phase: a StackOverflowError is thrown only on calls (see settlePhase).
      slot.phase = number;
      if (!current.lanesLooping) {
        thread.work = laneLoops[i - 1];
      }
      current.handed = i;
      thread.wake();
    }
    current.lanesLooping = true;
    Lane first = lanes.get(0);
    long firstEnd = runLane(first, body);
    awaitLanes();
    for (int i = 0; i < lanes.size(); i++) {
      long busy = Math.max(0, (i == 0 ? firstEnd : slots.get(i - 1).endNanos) - start);
      phaseBusyNanos[i] = busy;
      busyNanos[i] += busy;
    }
    TaskletEvents.phaseEnds(event, state.tasklet(), phaseBusyNanos);
    current.open = false;
    coordinator.account.own();
    if (state.stopping()) {
      throw state.stopped();
    }
  }

  /** Whether every lane handed the current phase has finished it; the coordinator's condition. */
  private boolean lanesFinished() {
    Phases current = phases;
    for (int i = 0; i < current.handed; i++) {
      if (slots.get(i).finished != current.number) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finishes a phase whose coordinator side was cut short (a {@link StackOverflowError} deep in
   * the coordinator's stack): fails the launch, wakes the lanes handed the phase in case a wake-up
   * was lost, and waits for them all. Lanes never handed it are not waited for.
   */
  private void settlePhase() {
    state.failed(TaskletException.NO_LANE, new IllegalStateException(
        "parallelForWorkers was cut short by an error thrown inside it, such as a"
            + " StackOverflowError; the launch cannot go on"));
    for (int i = 1; i <= phases.handed; i++) {
      LockSupport.unpark(threads[i - 1]);
    }
    awaitLanes();
    phases.open = false;
  }

  private void awaitLanes() {
    while (arrivals.coordinator.await(allFinished, Long.MAX_VALUE) == Handoff.INTERRUPTED) {
      if (Thread.currentThread() == launchingThread) {
        state.launchingThreadInterrupted(TaskletException.NO_LANE);
      } // else: the launch's own stop interrupted the coordinator's pool thread
    }
  }

  /**
   * Ends the lane loops, which then return their threads to waiting for work: the coordinator's
   * code is over and no phase is open. Nothing to do if no phase began; a thread whose loop was
   * never handed over (the first phase cut short) ignores it.
   */
  private void closeLanes() {
    if (phases.number == 0) {
      return;
    }
    for (int i = 0; i < slots.size(); i++) {
      slots.get(i).phase = Slot.CLOSED;
      threads[i].wake();
    }
  }

  /** What the coordinator and every lane see alike: the regions, the lane count, an account. */
  private abstract class Context {
    final FuelPool.Account account;

    Context(FuelPool.Account account) {
      this.account = account;
    }

    public MemorySegment shared() {
      state.checkNotEnded();
      return shared;
    }

    public MemorySegment input() {
      state.checkNotEnded();
      return input;
    }

    public MemorySegment output() {
      state.checkNotEnded();
      return output;
    }

    public int workers() {
      state.checkNotEnded();
      return lanes.size();
    }

    public void fuelCheckpoint(long units) {
      account.draw(units);
    }
  }

  /** The coordinator's (and a single-threaded tasklet's) view of the launch. */
  final class Coordinator extends Context
      implements CoordinatorContext<S, W>, TaskletContext<S> {
    Coordinator(FuelPool.Account account) {
      super(account);
    }

    @Override
    public MemorySegment scratch(int lane) {
      state.checkNotEnded();
      account.checkOwner(); // only the coordinator, outside phases, reaches every lane's scratch
      Objects.checkIndex(lane, lanes.size());
      return lanes.get(lane).scratch;
    }

    @Override
    public void parallelForWorkers(LaneBody<S, W> body) {
      Launch.this.parallelForWorkers(body);
    }
  }

  /** What lane {@code index} sees. */
  private final class Lane extends Context implements WorkerContext<S, W> {
    final int index;
    final MemorySegment scratch;

    Lane(int index, MemorySegment scratch, FuelPool.Account account) {
      super(account);
      this.index = index;
      this.scratch = scratch;
    }

    @Override
    public int index() {
      state.checkNotEnded();
      return index;
    }

    @Override
    public MemorySegment scratch() {
      state.checkNotEnded();
      account.checkOwner(); // a lane's own scratch, during its body, on its thread
      return scratch;
    }
  }

  /**
   * The coordinator's bookkeeping of its phases, written at every phase, on a line of its own so
   * that no lane reading the launch's other fields ever has to fetch it.
   */
  @SuppressWarnings("unused")
  private static final class Phases extends PhasesFields {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
  }

  private static class PhasesFields extends CacheLinePadding {
    long number; // of the phase under way, or the last one; from 1
    int handed; // lanes handed the phase through their slots
    boolean open; // its lanes may still be running
    boolean lanesLooping; // the lane loops were handed to the pool threads
  }

  /** Where the coordinator thread and the launching thread wait. */
  private static final class Arrivals {
    /** The coordinator thread waits here for the lanes of a phase. */
    final Handoff coordinator = new Handoff();

    /** The launching thread waits here for a coordinator running on a pool thread. */
    final Handoff launcher = new Handoff();
  }

  /**
   * Where the coordinator and lane {@code i} (from 1) meet for each phase: what the coordinator
   * hands the lane, and what the lane hands back, each on cache lines of its own (see {@link
   * CacheLinePadding}).
   */
  @SuppressWarnings("unused")
  private static final class Slot<S, W> extends SlotFinished<S, W> {
    /** The phase number that ends the lane's loop; phases are numbered from 1. */
    static final long CLOSED = -1;

    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
  }

  /**
   * What a lane hands back, on a line of its own: the last phase it finished, and when it
   * finished it (a plain write, published by the volatile write of the number).
   */
  private static class SlotFinished<S, W> extends SlotHanded<S, W> {
    long endNanos;
    volatile long finished;
  }

  /** Padding between what the coordinator hands a lane and what the lane hands back. */
  @SuppressWarnings("unused")
  private static class SlotHanded<S, W> extends SlotPhase<S, W> {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
  }

  /**
   * What the coordinator hands a lane: the phase's body, a plain write published by the volatile
   * write of the phase's number, written after it.
   */
  private static class SlotPhase<S, W> extends CacheLinePadding {
    LaneBody<S, W> body;
    volatile long phase;
  }
}
