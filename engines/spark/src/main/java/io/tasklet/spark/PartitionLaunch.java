package io.tasklet.spark;

import io.tasklet.runtime.TaskletRuntime;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * One partition as its {@link PartitionKernel} sees it, inside a Spark task: the executor's
 * runtime, the lanes the task was granted, the partition's bytes and its budget.
 */
public final class PartitionLaunch {
  private final int partition;
  private final TaskletRuntime runtime;
  private final int lanes;
  private final MemorySegment input;
  private final PartitionBudget budget;

  PartitionLaunch(
      int partition, TaskletRuntime runtime, int lanes, MemorySegment input, PartitionBudget budget) {
    this.partition = partition;
    this.runtime = runtime;
    this.lanes = lanes;
    this.input = input;
    this.budget = budget;
  }

  /** The partition's index in its RDD. */
  public int partition() {
    return partition;
  }

  /** The runtime this executor's tasks share, sized to the cores Spark lets the executor use. */
  public TaskletRuntime runtime() {
    return runtime;
  }

  /**
   * The lanes this launch may use: the CPUs Spark granted the task ({@code spark.task.cpus}, or
   * the stage's resource profile), at most the runtime's cores.
   */
  public int lanes() {
    return lanes;
  }

  /**
   * {@link #lanes()}, at most {@code declaredWorkers}: pass the launcher's {@code
   * DECLARATION.workers()}.
   */
  public int lanesUpTo(int declaredWorkers) {
    return Math.min(lanes, declaredWorkers);
  }

  /** The partition's bytes, readable by the task's thread until the launch returns. */
  public MemorySegment input() {
    return input;
  }

  /** The budget's fuel pool for this partition. */
  public long maxFuel() {
    return budget.maxFuel();
  }

  /** The budget's deadline for this partition. */
  public Duration deadline() {
    return budget.deadline();
  }
}
