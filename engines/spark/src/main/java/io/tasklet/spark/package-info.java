/**
 * Tasklets as the per-partition kernel of Apache Spark jobs.
 *
 * <p>A {@link io.tasklet.spark.TaskletJob} runs a {@link io.tasklet.spark.PartitionKernel} (a
 * lambda over a generated launcher) once per partition of a {@code JavaRDD<byte[]>}, inside
 * Spark's tasks. Each executor JVM has one {@code TaskletRuntime} sized to the cores Spark lets
 * it use; each launch gets the lanes its task was granted ({@code spark.task.cpus} or the stage's
 * resource profile) and the {@link io.tasklet.spark.PartitionBudget} of a partition. Each
 * partition comes back as a {@link io.tasklet.spark.PartitionOutcome}: its result and figures,
 * or a failure that no retry can change, which fails the job at once with a {@link
 * io.tasklet.spark.PartitionFailedException} naming the partition.
 *
 * <p>Where a partition runs: {@code PartitionRunner}. The sample, a byte histogram of generated
 * partitions, is in {@code io.tasklet.spark.sample}.
 */
package io.tasklet.spark;
