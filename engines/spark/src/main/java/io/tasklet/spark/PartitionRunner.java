package io.tasklet.spark;

import io.tasklet.runtime.FuelExhaustedException;
import io.tasklet.runtime.LaunchRejectedException;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import io.tasklet.spark.PartitionFailedException.Reason;
import java.io.Serializable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs one partition inside its Spark task: gathers its bytes, launches the kernel on the lanes
 * the task was granted, checks that the budget was applied, and turns the outcome into a row.
 *
 * <p>A failure that a retry cannot change (fuel exhausted, a rejected launch, a partition over
 * the budget, a kernel that ignored its grant) becomes a {@link PartitionFailure} row and the
 * task succeeds: Spark retries every failed task up to {@code spark.task.maxFailures} times
 * whatever it threw, so a row is the only way to keep it from running the same doomed launch
 * again. {@link TaskletJob#run} fails the job at the first such row. Anything else the launch
 * throws fails the task, and Spark retries it as usual.
 */
final class PartitionRunner<S, R extends Serializable> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PartitionBudget budget;
  private final PartitionKernel<S> kernel;
  private final Function<? super S, ? extends R> toRow;

  PartitionRunner(
      PartitionBudget budget, PartitionKernel<S> kernel, Function<? super S, ? extends R> toRow) {
    this.budget = budget;
    this.kernel = kernel;
    this.toRow = toRow;
  }

  PartitionOutcome<R> run(int partition, Iterator<byte[]> data) {
    TaskContext task = TaskContext.get();
    SparkEnv env = SparkEnv.get();
    Attempt attempt = new Attempt(partition, env.executorId(), task.attemptNumber(), task.cpus());
    List<byte[]> chunks = new ArrayList<>();
    long inputBytes = 0;
    while (data.hasNext()) {
      byte[] chunk = data.next();
      chunks.add(chunk);
      inputBytes += chunk.length;
      if (inputBytes > budget.maxInputBytes()) {
        return attempt.failed(Reason.INPUT_OVER_BUDGET, "the partition has more than "
            + budget.maxInputBytes() + " bytes, the budget's maxInputBytes; split the data into"
            + " more partitions or raise maxInputBytes", null);
      }
    }
    TaskletRuntime runtime = ExecutorRuntime.of(env.conf());
    int lanes = Math.min(attempt.lanesGranted(), runtime.cores());
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment input = chunks.size() == 1
          ? MemorySegment.ofArray(chunks.getFirst())
          : concatenate(arena, chunks, inputBytes);
      return launch(attempt, new PartitionLaunch(partition, runtime, lanes, input, budget));
    }
  }

  private PartitionOutcome<R> launch(Attempt attempt, PartitionLaunch partition) {
    TaskletResult<S> result;
    try {
      result = kernel.launch(partition);
    } catch (FuelExhaustedException e) {
      return attempt.failed(Reason.FUEL_EXHAUSTED, e.getMessage(), e);
    } catch (LaunchRejectedException e) {
      return attempt.failed(Reason.LAUNCH_REJECTED, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      return attempt.failed(Reason.LAUNCH_REJECTED,
          "the launcher refused its settings: " + e.getMessage(), null);
    } catch (TaskletException e) {
      throw attempt.thrown(e.getMessage(), e);
    }
    String unapplied = unappliedBudget(result, partition.lanes());
    if (unapplied != null) {
      return attempt.failed(Reason.BUDGET_NOT_APPLIED, unapplied, null);
    }
    R shared;
    try {
      shared = toRow.call(result.shared());
    } catch (Exception e) {
      throw attempt.thrown("turning the shared state into a row threw " + e, e);
    }
    return new PartitionResult<>(attempt.partition(), attempt.executor(), attempt.number(),
        attempt.lanesGranted(), result.workers(), partition.input().byteSize(),
        result.maxFuel().orElseThrow(), result.fuelConsumed(), result.elapsed(), shared,
        result.output());
  }

  private String unappliedBudget(TaskletResult<S> result, int lanes) {
    if (result.workers() > lanes) {
      return "the launch ran on " + result.workers() + " lanes, but the task may use " + lanes
          + "; pass partition.lanesUpTo(DECLARATION.workers()) to workers(...)";
    }
    if (result.maxFuel().isEmpty() || result.maxFuel().getAsLong() > budget.maxFuel()) {
      return "the launch ran with a fuel pool of "
          + (result.maxFuel().isEmpty() ? "none" : result.maxFuel().getAsLong() + " units")
          + ", but the partition's budget is " + budget.maxFuel()
          + "; pass partition.maxFuel() to maxFuel(...)";
    }
    return null;
  }

  private static MemorySegment concatenate(Arena arena, List<byte[]> chunks, long bytes) {
    MemorySegment joined = arena.allocate(bytes);
    long offset = 0;
    for (byte[] chunk : chunks) {
      MemorySegment.copy(MemorySegment.ofArray(chunk), 0, joined, offset, chunk.length);
      offset += chunk.length;
    }
    return joined;
  }

  /** The task attempt running a partition, as its rows and errors name it. */
  private record Attempt(int partition, String executor, int number, int lanesGranted) {
    <R extends Serializable> PartitionFailure<R> failed(
        Reason reason, String detail, TaskletException cause) {
      return new PartitionFailure<>(partition, executor, number, lanesGranted, reason, detail,
          cause);
    }

    PartitionFailedException thrown(String detail, Throwable cause) {
      return new PartitionFailedException(partition, executor, number, Reason.TASKLET_FAILED,
          detail, cause);
    }
  }
}
