package io.tasklet.runtime;

import java.util.OptionalInt;

/**
 * Why a launch failed. The hierarchy is sealed, so a {@code switch} over it is exhaustive:
 *
 * <ul>
 *   <li>{@link LaunchRejectedException}: refused before anything ran (too many workers for the
 *       runtime's cores, input too large, memory budget exceeded, no lane thread could be
 *       started, a launch from inside a launch of the same runtime);
 *   <li>{@link FuelExhaustedException}: a checkpoint asked for more fuel than was left;
 *   <li>{@link MemoryAccessException}: user code accessed a memory segment out of range;
 *   <li>{@link LaneFailedException} and {@link CoordinatorFailedException}: user code threw, or
 *       used a context where it may not;
 *   <li>{@link LaunchInterruptedException}: the launching thread was interrupted;
 *   <li>{@link DeadlineExceededException}: the launch ran past its deadline.
 * </ul>
 *
 * <p>Each names the tasklet and, where it applies, the lane at fault. Whatever the failure, by the
 * time it is thrown no lane of the launch is running and its memory is released; the one
 * exception is code that ignored the stop past its deadline, which {@link
 * DeadlineExceededException} names and the runtime quarantines.
 */
public abstract sealed class TaskletException extends Exception
    permits LaunchRejectedException,
        FuelExhaustedException,
        MemoryAccessException,
        LaneFailedException,
        CoordinatorFailedException,
        LaunchInterruptedException,
        DeadlineExceededException {
  private static final long serialVersionUID = 1L;

  /** Lane value meaning "the coordinator" or "no particular lane". */
  static final int NO_LANE = -1;

  private final String tasklet;
  private final int lane;

  TaskletException(String tasklet, int lane, String message, Throwable cause) {
    super(tasklet + ": " + message + (lane >= 0 ? " (lane " + lane + ")" : ""), cause);
    this.tasklet = tasklet;
    this.lane = lane;
  }

  /** Name of the tasklet that failed, for example {@code ByteHistogram.count}. */
  public String tasklet() {
    return tasklet;
  }

  /** The lane at fault; empty for the coordinator or when no lane is at fault. */
  public OptionalInt lane() {
    return lane >= 0 ? OptionalInt.of(lane) : OptionalInt.empty();
  }
}
