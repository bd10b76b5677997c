package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * Runs tasklets on a fixed set of worker lanes over one block of linear memory per launch.
 *
 * <p><b>Cores and threads.</b> A runtime owns a fixed number of cores ({@link #withCores}, or the
 * machine's for {@link #defaultRuntime}). A launch of {@code n} lanes holds {@code n} of them from
 * start to end. Without a deadline, the thread that calls {@link #launch} runs the coordinator and
 * lane 0 itself, and {@code n - 1} of the runtime's lane threads run the others; with a deadline,
 * one more lane thread runs the coordinator and lane 0 while the calling thread waits, so that it
 * can return in time. The runtime starts lane threads when first needed and keeps them for later
 * launches; each holds one core, so it never has more lane threads than cores. A launch that asks
 * for more lanes than the runtime has cores, or that comes from code already running in a launch
 * of this runtime, is rejected before anything runs.
 *
 * <p><b>Launching from several threads.</b> Any number of threads may launch on one runtime at
 * once. Each launch has its own lanes, memory and fuel; launches that together would need more
 * cores than the runtime has wait, in arrival order, until enough cores are free. A lane thread
 * serves one launch at a time.
 *
 * <p><b>Memory.</b> Each launch gets one zeroed block laid out by {@link LinearMemoryPlan}, never
 * larger than its budget, in an arena of its own that is closed when the launch ends: segments
 * handed to user code fail on access afterwards, and an idle runtime holds no linear memory.
 *
 * <p><b>Deadlines and quarantine.</b> A deadline bounds {@link #launch}: it returns within the
 * deadline plus a grace of 50 ms. Code that ignores the stop for the whole grace keeps running,
 * since Java cannot stop a thread: its threads are quarantined, keeping the launch's cores and
 * memory until that code ends ({@link #quarantinedLanes}).
 */
public final class TaskletRuntime implements AutoCloseable {
  private final LanePool lanes;
  private final MemoryBlocks blocks;
  private final boolean shared;

  private TaskletRuntime(int cores, boolean shared) {
    this.lanes = new LanePool(cores);
    this.blocks = new MemoryBlocks();
    this.shared = shared;
  }

  /**
   * The runtime shared by the whole process, sized to the machine's available processors. Its
   * lane threads are daemons; {@link #close} on it does nothing.
   */
  public static TaskletRuntime defaultRuntime() {
    return Default.RUNTIME;
  }

  /**
   * A runtime that owns {@code cores} cores: it never runs more than that many lanes at once.
   * Close it when done to stop its lane threads and release its cached memory.
   *
   * @throws IllegalArgumentException if {@code cores} is not between 1 and 65,535
   */
  public static TaskletRuntime withCores(int cores) {
    if (cores < 1 || cores > LinearMemoryPlan.MAX_WORKERS) {
      throw new IllegalArgumentException(
          "cores must be between 1 and " + LinearMemoryPlan.MAX_WORKERS + ", was " + cores);
    }
    return new TaskletRuntime(cores, false);
  }

  /** Number of cores this runtime owns: the most lanes one launch can ask for. */
  public int cores() {
    return lanes.cores();
  }

  /**
   * Number of lane threads this runtime has started and not yet stopped, quarantined ones
   * included: at most {@link #cores()}.
   */
  public int laneThreads() {
    return lanes.threads();
  }

  /**
   * Number of lane threads held by launches that ran past their deadline and whose code did not
   * stop: they keep their launch's cores and memory until that code ends.
   */
  public int quarantinedLanes() {
    return lanes.quarantined();
  }

  /** Bytes of native memory this runtime holds for the linear memory of launches not yet ended. */
  public long reservedBytes() {
    return blocks.reservedBytes();
  }

  /**
   * Launches {@code coordinator} on {@code spec.workers()} lanes and waits until it returns.
   *
   * @throws LaunchRejectedException if the launch asks for no lanes or more than {@link #cores()},
   *     its input is larger than its maximum, its memory plan exceeds its budget, the memory cannot
   *     be allocated, a lane thread cannot be started, the calling thread is itself running a
   *     launch of this runtime, or the runtime is closed; nothing ran
   * @throws TaskletException for the first failure of the launch; no code of it is still running,
   *     unless it ignored the stop past its deadline (see {@link DeadlineExceededException})
   */
  public <S, W> TaskletResult<S> launch(LaunchSpec<S> spec, CoordinatorBody<S, W> coordinator)
      throws TaskletException {
    Objects.requireNonNull(coordinator, "coordinator");
    Deadline deadline = Deadline.of(Objects.requireNonNull(spec, "spec"));
    LinearMemoryPlan plan = checkedPlan(spec);
    int workers = spec.workers();
    if (workers < 1 || workers > cores()) {
      throw rejected(spec, workers < 1
          ? "a coordinator needs at least 1 lane, was asked for " + workers
          : workers + " lanes asked for, but the runtime has " + cores() + " cores; ask for at"
              + " most " + cores() + " workers or use a runtime with more cores");
    }
    if (lanes.holdsCores()) {
      throw rejected(spec, "launched from code that is itself running in a launch of the same"
          + " runtime, which could wait for the cores it holds forever; do the work in the"
          + " running launch's phases, or launch on another runtime");
    }
    // With a deadline the coordinator runs on a pool thread too, so this thread can return in time.
    LaunchEvent event = TaskletEvents.launchBegins();
    LaneThread[] taken;
    try {
      taken = acquire(spec, workers, deadline == null ? workers - 1 : workers, deadline);
    } catch (TaskletException e) {
      TaskletEvents.launchNotStarted(event, spec, plan, e);
      throw e;
    }
    TaskletEvents.coresTaken(event);
    MemoryBlocks.Block block;
    try {
      block = blocks.take(plan, true);
    } catch (OutOfMemoryError e) {
      lanes.release(taken, workers);
      throw rejected(spec, "cannot allocate " + plan.totalBytes() + " bytes of linear memory: "
          + LaunchState.describe(e));
    }
    LaneThread coordinatorLane = deadline == null ? null : taken[workers - 1];
    LaneThread[] laneThreads = deadline == null ? taken : Arrays.copyOf(taken, workers - 1);
    Launch.Resources resources = new Launch.Resources() {
      @Override
      public void release() {
        blocks.release(block);
        lanes.release(taken, workers);
      }

      @Override
      public void quarantine() {
        lanes.quarantine(taken);
      }

      @Override
      public void releaseQuarantined() {
        blocks.release(block);
        lanes.endQuarantine(taken, workers);
      }
    };
    lanes.enter();
    try {
      return new Launch<S, W>(spec, plan, block.segment(), deadline, coordinatorLane, laneThreads,
          resources).run(coordinator::run, event);
    } finally {
      lanes.leave();
    }
  }

  /** Takes {@code workers} cores and {@code count} lane threads, waiting until the deadline. */
  private LaneThread[] acquire(LaunchSpec<?> spec, int workers, int count, Deadline deadline)
      throws TaskletException {
    LaneThread[] taken;
    try {
      taken = lanes.acquire(workers, count,
          deadline == null ? Long.MAX_VALUE : Math.max(0, deadline.remainingNanos()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchInterruptedException(spec.tasklet(), TaskletException.NO_LANE,
          "the launching thread was interrupted while waiting for free cores", e);
    } catch (IllegalStateException e) {
      throw rejected(spec, e.getMessage());
    } catch (LanePool.ThreadStartFailed e) {
      throw new LaunchRejectedException(spec.tasklet(), TaskletException.NO_LANE,
          "a lane thread could not be started (" + LaunchState.describe(e.getCause())
              + "); the process may be out of native threads or memory", e.getCause());
    }
    if (taken == null) {
      throw new DeadlineExceededException(spec.tasklet(), TaskletException.NO_LANE,
          "deadline of " + deadline.limit() + " passed while waiting for " + workers
              + " free cores", null);
    }
    return taken;
  }

  /**
   * Runs a single-threaded tasklet on the calling thread, with no lanes and no scratch. Starts no
   * lane thread and uses no runtime; a deadline stops it at its next checkpoint.
   *
   * @throws LaunchRejectedException if the input is larger than its maximum or the memory plan
   *     exceeds its budget; nothing ran
   * @throws TaskletException for the first failure of the run
   */
  public static <S> TaskletResult<S> runOnCallingThread(LaunchSpec<S> spec, TaskletBody<S> body)
      throws TaskletException {
    Objects.requireNonNull(body, "body");
    Deadline deadline = Deadline.of(Objects.requireNonNull(spec, "spec"));
    if (spec.workers() != 0) {
      throw rejected(spec, "a single-threaded tasklet has no lanes, was asked for "
          + spec.workers());
    }
    LinearMemoryPlan plan = checkedPlan(spec);
    MemoryBlocks.Block block;
    try {
      block = CALLING_THREAD.take(plan, false);
    } catch (OutOfMemoryError e) {
      throw rejected(spec, "cannot allocate " + plan.totalBytes() + " bytes of linear memory");
    }
    LaunchEvent event = TaskletEvents.launchBegins();
    return new Launch<S, Void>(spec, plan, block.segment(), deadline, null, new LaneThread[0],
        new Launch.Resources() {
          @Override
          public void release() {
            CALLING_THREAD.release(block);
          }

          @Override
          public void quarantine() {
            throw new AssertionError("a launch on the calling thread is never abandoned");
          }

          @Override
          public void releaseQuarantined() {
            throw new AssertionError("a launch on the calling thread is never abandoned");
          }
        }).run(body::run, event);
  }

  /** The memory of single-threaded tasklets, which belong to no runtime. */
  private static final MemoryBlocks CALLING_THREAD = new MemoryBlocks();

  private static LinearMemoryPlan checkedPlan(LaunchSpec<?> spec) throws LaunchRejectedException {
    Objects.requireNonNull(spec, "spec");
    MemorySegment input = spec.input();
    long inputBytes = input.byteSize();
    if (inputBytes > spec.maxInputBytes()) {
      throw rejected(spec, "input of " + inputBytes + " bytes is larger than maxInputBytes "
          + spec.maxInputBytes() + "; raise maxInputBytes or pass less input");
    }
    if (!input.scope().isAlive()) {
      throw rejected(spec, "the input segment's arena is closed; keep it open until launch()"
          + " returns");
    }
    if (!input.isAccessibleBy(Thread.currentThread())) {
      throw rejected(spec, "the input segment belongs to a confined arena of another thread, so "
          + Thread.currentThread().getName() + " cannot read it; launch on that thread, or pass"
          + " a segment of a shared or global arena");
    }
    LinearMemoryPlan plan = spec.plan();
    if (!plan.fits(spec.maxLinearMemory())) {
      throw rejected(spec, plan.budgetExceededMessage(spec.maxLinearMemory()));
    }
    return plan;
  }

  private static LaunchRejectedException rejected(LaunchSpec<?> spec, String message) {
    return new LaunchRejectedException(spec.tasklet(), TaskletException.NO_LANE, message, null);
  }

  /**
   * Stops the lane threads and releases the cached memory. Launches in progress finish normally;
   * their threads stop and their memory is released as they end. Later launches are rejected.
   * Does nothing on the {@link #defaultRuntime}.
   */
  @Override
  public void close() {
    if (shared) {
      return;
    }
    lanes.close();
  }

  /** Cores, lane threads, quarantined lanes and reserved memory, for logs. */
  @Override
  public String toString() {
    return "TaskletRuntime[cores=" + cores() + ", laneThreads=" + laneThreads()
        + ", quarantinedLanes=" + quarantinedLanes() + ", reservedBytes=" + reservedBytes() + "]";
  }

  private static final class Default {
    static final TaskletRuntime RUNTIME =
        new TaskletRuntime(Runtime.getRuntime().availableProcessors(), true);
  }
}
