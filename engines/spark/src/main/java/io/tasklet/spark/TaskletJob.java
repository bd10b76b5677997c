package io.tasklet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A generated launcher run once per partition of an RDD of bytes, inside Spark's tasks.
 *
 * <pre>{@code
 * TaskletJob<Histogram, long[]> job = TaskletJob.of(
 *     PartitionBudget.of(1L << 30, Duration.ofMinutes(5)),
 *     partition -> ByteHistogramCountTasklet.on(partition.runtime())
 *         .workers(partition.lanesUpTo(ByteHistogramCountTasklet.DECLARATION.workers()))
 *         .input(partition.input())
 *         .maxFuel(partition.maxFuel())
 *         .deadline(partition.deadline())
 *         .launch(),
 *     Histogram::bins);
 * List<PartitionResult<long[]>> perPartition = job.run(bytes);   // bytes: JavaRDD<byte[]>
 * }</pre>
 *
 * <p>What runs where: the job and its settings are serialized to the executors; there each task
 * joins its partition's byte arrays into one input (a partition of one array is passed as it is),
 * launches on the executor's one {@code TaskletRuntime}, on as many lanes as Spark granted the
 * task CPUs, and returns one row: the partition's figures and its shared state turned into a
 * serializable value by {@code toRow}. The driver only collects the rows.
 *
 * @param <S> the launcher's shared state record
 * @param <R> what each partition's shared state becomes in its row
 */
public final class TaskletJob<S, R extends Serializable> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PartitionRunner<S, R> runner;

  private TaskletJob(PartitionRunner<S, R> runner) {
    this.runner = runner;
  }

  /**
   * A job that launches {@code kernel} on each partition within {@code budget} and turns each
   * launch's shared state into a row with {@code toRow} (a record that implements {@code
   * Serializable} can be its own row: {@code shared -> shared}).
   */
  public static <S, R extends Serializable> TaskletJob<S, R> of(
      PartitionBudget budget, PartitionKernel<S> kernel, Function<? super S, ? extends R> toRow) {
    return new TaskletJob<>(new PartitionRunner<>(Objects.requireNonNull(budget, "budget"),
        Objects.requireNonNull(kernel, "kernel"), Objects.requireNonNull(toRow, "toRow")));
  }

  /**
   * One row per partition of {@code data}, computed when an action needs it. A failure a retry
   * cannot change is a {@link PartitionFailure} row: call {@link PartitionOutcome#orThrow()} to
   * have it fail its task (which Spark then retries), or use {@link #run} to fail the job at once.
   */
  public JavaRDD<PartitionOutcome<R>> outcomes(JavaRDD<byte[]> data) {
    PartitionRunner<S, R> partitionRunner = runner;
    return data.mapPartitionsWithIndex(
        (partition, bytes) -> List.of(partitionRunner.run(partition, bytes)).iterator(), true);
  }

  /**
   * Runs the job and returns each partition's result, by partition.
   *
   * @throws PartitionFailedException for the first partition that failed: at once, with no
   *     retry, for a failure no retry can change (the job's other tasks are cancelled); after
   *     Spark's retries for any other
   */
  public List<PartitionResult<R>> run(JavaRDD<byte[]> data) {
    JavaRDD<PartitionOutcome<R>> rows = outcomes(data);
    SparkContext spark = rows.context();
    List<PartitionResult<R>> results =
        new ArrayList<>(Collections.nCopies(rows.getNumPartitions(), null));
    String tag = "tasklet-job-" + UUID.randomUUID();
    spark.addJobTag(tag);
    try {
      spark.runJob(rows.rdd(), new OnlyRow<>(), new Collect<>(results), outcomeTag());
    } catch (Exception e) { // Spark throws SparkException, which Scala does not declare
      PartitionFailedException failed = partitionFailure(e);
      spark.cancelJobsWithTag(tag, failed == null ? "because it failed"
          : "because partition " + failed.partition() + " failed (" + failed.reason() + ")");
      if (failed == null) {
        throw TaskletJob.<RuntimeException>asThrown(e);
      }
      throw failed;
    } finally {
      spark.removeJobTag(tag);
    }
    return List.copyOf(results);
  }

  /** The partition's failure behind what Spark threw, if any, with Spark's error suppressed. */
  private static PartitionFailedException partitionFailure(Exception thrown) {
    List<Throwable> seen = new ArrayList<>();
    for (Throwable t = thrown; t != null && !seen.contains(t); t = t.getCause()) {
      if (t instanceof PartitionFailedException failed) {
        if (failed != thrown) {
          failed.addSuppressed(thrown);
        }
        return failed;
      }
      seen.add(t);
    }
    return null;
  }

  /** Throws {@code e} as it is, checked or not, as Spark's own Java API does. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> E asThrown(Exception e) throws E {
    throw (E) e;
  }

  @SuppressWarnings("unchecked")
  private static <R extends Serializable> ClassTag<PartitionOutcome<R>> outcomeTag() {
    return (ClassTag<PartitionOutcome<R>>) (ClassTag<?>) ClassTag$.MODULE$.apply(
        PartitionOutcome.class);
  }

  /** The one row of a partition, in its task. */
  private static final class OnlyRow<R extends Serializable>
      extends AbstractFunction1<Iterator<PartitionOutcome<R>>, PartitionOutcome<R>>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public PartitionOutcome<R> apply(Iterator<PartitionOutcome<R>> rows) {
      return rows.next();
    }
  }

  /**
   * Keeps each partition's result as it arrives on the driver; throws at the first failure row,
   * which Spark turns into the job's failure at once. Rows that arrive after it are dropped.
   */
  private static final class Collect<R extends Serializable>
      extends AbstractFunction2<Object, PartitionOutcome<R>, BoxedUnit> {
    private final List<PartitionResult<R>> results;
    private boolean failed;

    Collect(List<PartitionResult<R>> results) {
      this.results = results;
    }

    @Override
    public BoxedUnit apply(Object index, PartitionOutcome<R> outcome) {
      if (!failed) {
        failed = outcome instanceof PartitionFailure;
        results.set((Integer) index, outcome.orThrow());
      }
      return BoxedUnit.UNIT;
    }
  }
}
