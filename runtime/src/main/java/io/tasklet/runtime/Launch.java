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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a tasklet over its block of linear memory: the regions, the lanes' contexts, the
 * fuel pool, the phases, and the first failure.
 *
 * <p>Phases: the launching thread runs the coordinator and, in every phase, lane 0; lanes 1..n-1
 * run on the {@link LaneThread}s the launch holds. {@link #parallelForWorkers} publishes the
 * phase's body (a plain write made visible by each lane's volatile hand-off), hands every other
 * lane its work, runs lane 0, and waits for the others to arrive: each arrival decrements a
 * counter on its own cache line, and the last one unparks the launching thread if it announced it
 * was parking (the same no-lost-wake-up handshake as {@link Backoff}'s).
 *
 * <p>Failures: the first failure anywhere is recorded (later ones are dropped) and raises the
 * {@code stopping} flag, which every checkpoint and every phase start reads, so the other lanes
 * stop at their next checkpoint or when their body returns. A phase always waits for all of its
 * lanes, so when the launch ends, however it ends, none of its lanes is running.
 *
 * <p>Interruption of the launching thread is noticed by any checkpoint (the thread's interrupt
 * status is a plain volatile read) and while waiting for a phase; the launch then fails with
 * {@link LaunchInterruptedException} and the interrupt status is set again when it returns.
 */
final class Launch<S, W> {
  private static final MemorySegment EMPTY = MemorySegment.NULL;

  /** Inputs of at least this many bytes are copied in by all the lanes, each copying its share. */
  static final long PARALLEL_COPY_BYTES = 256 * 1024;

  private final LaunchSpec<S> spec;
  private final String tasklet;
  private final LinearMemoryPlan plan;
  private final MemorySegment shared;
  private final MemorySegment inputRegion;
  private final MemorySegment input;
  private final MemorySegment output;
  private final MemorySegment[] scratch;
  private final LaneThread[] threads;
  private final FuelPool fuel;
  private final Thread launchingThread;
  private final Coordinator coordinator;
  private final List<Lane> lanes;
  private final Runnable[] laneWork;
  private final Arrivals arrivals = new Arrivals();
  private final Backoff backoff = new Backoff();
  private final AtomicReference<TaskletException> failure = new AtomicReference<>();
  private volatile boolean stopping;
  private LaneBody<S, W> body; // published to lanes by each hand-off's volatile write
  private boolean inPhase; // launching thread only
  private boolean interrupted; // launching thread only

  /**
   * A launch of {@code spec} over {@code block}, laid out as {@code plan}, whose lanes 1..n-1
   * run on {@code threads}. The input is copied into its region when the launch runs.
   */
  Launch(LaunchSpec<S> spec, LinearMemoryPlan plan, MemorySegment block, LaneThread[] threads) {
    this.spec = spec;
    this.tasklet = spec.tasklet();
    this.plan = plan;
    this.threads = threads;
    this.launchingThread = Thread.currentThread();
    this.shared = region(block, plan.sharedOffset(), plan.sharedBytes());
    this.inputRegion = region(block, plan.inputOffset(), plan.inputBytes());
    this.input = inputRegion.asReadOnly();
    this.output = region(block, plan.outputOffset(), plan.outputBytes());
    int workers = plan.workers();
    Thread[] laneOwners = new Thread[workers]; // lane 0 runs on the launching thread
    for (int i = 0; i < workers; i++) {
      laneOwners[i] = i == 0 ? launchingThread : threads[i - 1];
    }
    this.fuel = new FuelPool(this, spec.maxFuel().orElse(-1), laneOwners, launchingThread);
    this.scratch = new MemorySegment[workers];
    this.lanes = new ArrayList<>(workers);
    this.laneWork = new Runnable[workers];
    for (int i = 0; i < workers; i++) {
      scratch[i] = region(block, plan.scratchOffset(i), plan.scratchBytes());
      lanes.add(new Lane(i, scratch[i], fuel.lane(i)));
      int lane = i;
      laneWork[i] = () -> {
        runLane(lane);
        arrive();
      };
    }
    this.coordinator = new Coordinator(fuel.coordinator());
  }

  private static MemorySegment region(MemorySegment block, long offset, long bytes) {
    return bytes == 0 ? EMPTY : block.asSlice(offset, bytes);
  }

  /** Runs a coordinator on the launching thread and returns the result, or the first failure. */
  TaskletResult<S> run(CoordinatorBody<S, W> body) throws TaskletException {
    return finish(System.nanoTime(), () -> body.run(coordinator));
  }

  /** Runs a single-threaded tasklet on the launching thread. */
  TaskletResult<S> runAlone(TaskletBody<S> body) throws TaskletException {
    return finish(System.nanoTime(), () -> body.run(coordinator));
  }

  /**
   * Copies the input into its region: a large one in a first phase in which every lane copies its
   * share, so that no lane idles while one thread copies megabytes; a small one, or one that only
   * the launching thread may read (a segment of a confined arena), on the launching thread.
   */
  private void copyInput() {
    MemorySegment source = spec.input();
    long bytes = source.byteSize();
    if (bytes < PARALLEL_COPY_BYTES || threads.length == 0 || !source.isAccessibleBy(threads[0])) {
      inputRegion.copyFrom(source);
      return;
    }
    parallelForWorkers(lane -> {
      Share share = lane.share(bytes);
      MemorySegment.copy(source, share.start(), inputRegion, share.start(), share.size());
    });
  }

  private interface UserCode {
    void run() throws Exception;
  }

  private TaskletResult<S> finish(long start, UserCode code) throws TaskletException {
    ScheduledFuture<?> deadline = spec.deadline().map(this::scheduleDeadline).orElse(null);
    try {
      copyInput();
      code.run();
    } catch (Throwable t) {
      failed(TaskletException.NO_LANE, t);
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
      if (Thread.interrupted()) {
        interrupted = true;
        fail(interruption(TaskletException.NO_LANE));
      }
      if (interrupted) {
        launchingThread.interrupt();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    TaskletException first = failure.get();
    if (first != null) {
      throw first;
    }
    S state;
    try {
      state = spec.sharedReader().apply(shared);
    } catch (RuntimeException e) {
      throw new CoordinatorFailedException(tasklet, TaskletException.NO_LANE,
          "the shared state could not be read back: " + e.getMessage(), e);
    }
    List<LaneFigures> figures = new ArrayList<>(lanes.size());
    for (Lane lane : lanes) {
      figures.add(new LaneFigures(
          lane.index, Duration.ofNanos(lane.account.busyNanos), lane.account.consumed()));
    }
    return new TaskletResult<>(state, output.toArray(ValueLayout.JAVA_BYTE),
        fuel.configured() ? OptionalLong.of(fuel.max()) : OptionalLong.empty(),
        fuel.consumed(), elapsed, figures, plan);
  }

  private ScheduledFuture<?> scheduleDeadline(Duration limit) {
    return Deadlines.TIMER.schedule(
        () -> fail(new DeadlineExceededException(tasklet, TaskletException.NO_LANE,
            "deadline of " + limit + " passed; the launch was stopped", null)),
        limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Throws the stop signal if the launch is stopping or its launching thread was interrupted. */
  void checkRunning(FuelPool.Account account) {
    if (stopping) {
      throw stopped();
    }
    if (launchingThread.isInterrupted()) {
      if (Thread.currentThread() == launchingThread) {
        Thread.interrupted(); // cleared so that waiting for lanes can park; set again at the end
        interrupted = true;
      }
      fail(interruption(account.lane));
      throw stopped();
    }
  }

  private LaunchInterruptedException interruption(int lane) {
    return new LaunchInterruptedException(
        tasklet, lane, "the launching thread was interrupted; the launch was stopped", null);
  }

  /** Records that lane {@code lane} ran out of fuel, and returns the signal to throw. */
  TaskletStoppedException fuelExhausted(int lane, long requested, long remaining) {
    fail(new FuelExhaustedException(tasklet, lane, requested, remaining, fuel.configured()));
    return stopped();
  }

  private TaskletStoppedException stopped() {
    TaskletException first = failure.get();
    return new TaskletStoppedException(
        first != null ? first.getMessage() : tasklet + ": the launch is stopping");
  }

  private void fail(TaskletException e) {
    failure.compareAndSet(null, e);
    stopping = true;
  }

  /** Records what user code on lane {@code lane} (or the coordinator) threw. */
  private void failed(int lane, Throwable t) {
    if (t instanceof TaskletStoppedException && failure.get() != null) {
      return; // the signal of a failure already recorded
    }
    String where = lane == TaskletException.NO_LANE ? "the coordinator" : "lane " + lane;
    if (t instanceof IndexOutOfBoundsException) {
      fail(new MemoryAccessException(
          tasklet, lane, "memory access out of range in " + where + ": " + t.getMessage(), t));
    } else if (lane == TaskletException.NO_LANE) {
      fail(new CoordinatorFailedException(tasklet, lane, "the coordinator threw " + t, t));
    } else {
      fail(new LaneFailedException(tasklet, lane, "lane " + lane + " threw " + t, t));
    }
  }

  private void runLane(int lane) {
    Lane context = lanes.get(lane);
    long start = System.nanoTime();
    try {
      body.run(context);
    } catch (Throwable t) {
      failed(lane, t);
    } finally {
      context.account.busyNanos += System.nanoTime() - start;
      context.account.release();
    }
  }

  private void parallelForWorkers(LaneBody<S, W> phaseBody) {
    if (Thread.currentThread() != launchingThread || inPhase) {
      throw new IllegalStateException(
          "parallelForWorkers is for the coordinator; a lane cannot start a phase");
    }
    Objects.requireNonNull(phaseBody, "body");
    checkRunning(coordinator.account);
    coordinator.account.release(); // the lanes may need its lease; it draws none during the phase
    body = phaseBody;
    inPhase = true;
    try {
      arrivals.expect(threads.length);
      for (int i = 0; i < threads.length; i++) {
        threads[i].hand(laneWork[i + 1]);
      }
      runLane(0);
      awaitLanes();
    } finally {
      inPhase = false;
      body = null;
    }
    if (stopping) {
      throw stopped();
    }
  }

  private void awaitLanes() {
    Backoff wait = backoff;
    wait.reset();
    while (arrivals.pending()) {
      if (wait.idle()) {
        arrivals.waiterParked = true;
        if (arrivals.pending()) {
          LockSupport.park(this);
        }
        arrivals.waiterParked = false;
      }
      if (Thread.interrupted()) {
        interrupted = true;
        fail(interruption(TaskletException.NO_LANE));
      }
    }
  }

  private void arrive() {
    if (arrivals.arrive() && arrivals.waiterParked) {
      LockSupport.unpark(launchingThread);
    }
  }

  /** What the coordinator and every lane see alike: the regions, the lane count, an account. */
  private abstract class Context {
    final FuelPool.Account account;

    Context(FuelPool.Account account) {
      this.account = account;
    }

    public MemorySegment shared() {
      return shared;
    }

    public MemorySegment input() {
      return input;
    }

    public MemorySegment output() {
      return output;
    }

    public int workers() {
      return lanes.size();
    }
  }

  /** The coordinator's (and a single-threaded tasklet's) view of the launch. */
  private final class Coordinator extends Context
      implements CoordinatorContext<S, W>, TaskletContext<S> {
    Coordinator(FuelPool.Account account) {
      super(account);
    }

    @Override
    public MemorySegment scratch(int lane) {
      Objects.checkIndex(lane, lanes.size());
      return scratch[lane];
    }

    @Override
    public void parallelForWorkers(LaneBody<S, W> body) {
      Launch.this.parallelForWorkers(body);
    }

    @Override
    public void fuelCheckpoint(long units) {
      if (inPhase) {
        throw new IllegalStateException(
            "the coordinator's fuelCheckpoint was called during a phase; a lane draws through"
                + " the WorkerContext its body is given");
      }
      account.draw(units);
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
      return index;
    }

    @Override
    public MemorySegment scratch() {
      return scratch;
    }

    @Override
    public void fuelCheckpoint(long units) {
      account.draw(units);
    }
  }

  /** Arrivals of the lanes of the current phase, on a cache line of their own. */
  @SuppressWarnings("unused")
  private static final class Arrivals extends ArrivalFields {
    private static final VarHandle PENDING;

    static {
      try {
        PENDING = MethodHandles.lookup().findVarHandle(ArrivalFields.class, "pending", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    long p10, p11, p12, p13, p14, p15, p16, p17;

    void expect(int lanes) {
      pending = lanes;
    }

    boolean pending() {
      return pending != 0;
    }

    /** Returns true for the last arrival. */
    boolean arrive() {
      return (int) PENDING.getAndAdd(this, -1) == 1;
    }
  }

  @SuppressWarnings("unused")
  private static class ArrivalPadding {
    long p00, p01, p02, p03, p04, p05, p06, p07;
  }

  private static class ArrivalFields extends ArrivalPadding {
    volatile int pending;
    volatile boolean waiterParked;
  }

  /** The one timer thread that stops launches at their deadline; started on first use. */
  private static final class Deadlines {
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "tasklet-deadlines");
        thread.setDaemon(true);
        return thread;
      });
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }
}
