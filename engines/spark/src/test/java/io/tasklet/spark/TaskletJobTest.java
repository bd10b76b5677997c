package io.tasklet.spark;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasklet.runtime.CoordinatorFailedException;
import io.tasklet.runtime.FuelExhaustedException;
import io.tasklet.runtime.LaunchRejectedException;
import io.tasklet.spark.PartitionFailedException.Reason;
import io.tasklet.spark.sample.ByteCounts;
import io.tasklet.spark.sample.GeneratedBytes;
import io.tasklet.spark.sample.PartitionHistogram;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Jobs on Spark's local mode with two task threads. The master allows 4 attempts per task
 * ({@code local[2,4]}; plain {@code local[2]} never retries), so that a retry would show.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TaskletJobTest {
  private static final Duration DEADLINE = Duration.ofMinutes(1);
  private static final int ATTEMPTS = 4;

  private static JavaSparkContext spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("local[2," + ATTEMPTS + "]", 1);
  }

  @AfterAll
  static void stopSpark() {
    spark.close();
  }

  @BeforeEach
  void reset() {
    LocalSpark.reset();
  }

  @Test
  void combinedHistogramEqualsPlainJava() {
    List<byte[]> chunks = IntStream.range(0, 24)
        .mapToObj(i -> GeneratedBytes.partition(i, 100_000 + 17 * i))
        .toList();
    TaskletJob<ByteCounts, long[]> job = TaskletJob.of(
        PartitionBudget.of(1 << 20, DEADLINE), PartitionHistogram.kernel(), ByteCounts::bins);

    List<PartitionResult<long[]>> results = job.run(spark.parallelize(chunks, 6));

    long[] expected = new long[256];
    long[] combined = new long[256];
    chunks.forEach(chunk -> add(expected, GeneratedBytes.histogram(chunk)));
    results.forEach(result -> add(combined, result.shared()));
    assertArrayEquals(expected, combined);
    assertEquals(6, results.size());
    for (int partition = 0; partition < 6; partition++) {
      PartitionResult<long[]> result = results.get(partition);
      long bytes = chunks.subList(4 * partition, 4 * partition + 4).stream()
          .mapToLong(chunk -> chunk.length).sum();
      assertAll("partition " + partition,
          () -> assertEquals(bytes, result.inputBytes(), "four arrays joined into one input"),
          () -> assertEquals(bytes, result.fuelConsumed(), "one unit of fuel per byte"),
          () -> assertEquals(1 << 20, result.maxFuel()),
          () -> assertEquals(0, result.attempt()),
          () -> assertEquals(1, result.lanesGranted()),
          () -> assertEquals(1, result.lanes()));
    }
  }

  @Test
  void partitionOverItsFuelFailsTheJobOnceNamingIt() {
    JavaRDD<byte[]> data = LocalSpark.onePerPartition(spark,
        List.of(new byte[64 << 10], new byte[64 << 10], new byte[1 << 20], new byte[64 << 10]));
    TaskletJob<Tally, Tally> job = TaskletJob.of(
        PartitionBudget.of(256 << 10, DEADLINE), LocalSpark.gaugedSum(), tally -> tally);

    PartitionFailedException failed = assertThrows(PartitionFailedException.class,
        () -> job.run(data));

    assertAll(
        () -> assertEquals(2, failed.partition()),
        () -> assertEquals(Reason.FUEL_EXHAUSTED, failed.reason()),
        () -> assertEquals(0, failed.attempt()),
        () -> assertInstanceOf(FuelExhaustedException.class, failed.getCause()),
        () -> assertTrue(failed.getMessage().startsWith(
            "partition 2 failed (fuel exhausted, not retried) on executor driver, attempt 0: "
                + "GaugedSum.sum: fuel exhausted"), failed.getMessage()),
        () -> assertEquals(1, LocalSpark.launches(2), "launches of partition 2"));
  }

  @Test
  void rejectedLaunchFailsTheJobOnceNamingIt() {
    JavaRDD<byte[]> data = LocalSpark.onePerPartition(spark,
        List.of(new byte[1000], new byte[1000], new byte[1000]));
    PartitionKernel<Tally> tooManyLanesForPartition1 = partition -> {
      LocalSpark.launched(partition);
      int cores = partition.runtime().cores();
      return GaugedSumSumTasklet.on(partition.runtime())
          .workers(partition.partition() == 1 ? cores + 1 : partition.lanes())
          .input(partition.input())
          .maxFuel(partition.maxFuel())
          .launch();
    };
    TaskletJob<Tally, Tally> job = TaskletJob.of(
        PartitionBudget.of(1 << 20, DEADLINE), tooManyLanesForPartition1, tally -> tally);

    PartitionFailedException failed = assertThrows(PartitionFailedException.class,
        () -> job.run(data));

    assertAll(
        () -> assertEquals(1, failed.partition()),
        () -> assertEquals(Reason.LAUNCH_REJECTED, failed.reason()),
        () -> assertInstanceOf(LaunchRejectedException.class, failed.getCause()),
        () -> assertTrue(failed.getMessage().contains("partition 1 failed (launch rejected, not"
            + " retried)"), failed.getMessage()),
        () -> assertEquals(1, LocalSpark.launches(1), "launches of partition 1"));
  }

  @Test
  void launcherRefusingItsSettingsIsARejectedLaunch() {
    JavaRDD<byte[]> data = LocalSpark.onePerPartition(spark, List.of(new byte[1000]));
    PartitionKernel<Tally> overDeclaredLanes = partition -> GaugedSumSumTasklet
        .on(partition.runtime())
        .workers(GaugedSumSumTasklet.DECLARATION.workers() + 1)
        .launch();
    TaskletJob<Tally, Tally> job = TaskletJob.of(
        PartitionBudget.of(1 << 20, DEADLINE), overDeclaredLanes, tally -> tally);

    PartitionFailedException failed = assertThrows(PartitionFailedException.class,
        () -> job.run(data));

    assertEquals(Reason.LAUNCH_REJECTED, failed.reason());
    assertTrue(failed.getMessage().contains("the launcher refused its settings: workers must be"
        + " between 1 and the declared 8, was 9"), failed.getMessage());
  }

  @Test
  void partitionOverItsInputBudgetFailsWithoutLaunching() {
    JavaRDD<byte[]> data = spark.parallelize(List.of(new byte[600], new byte[600]), 1);
    TaskletJob<Tally, Tally> job = TaskletJob.of(
        PartitionBudget.of(1 << 20, DEADLINE).withMaxInputBytes(1000), LocalSpark.gaugedSum(),
        tally -> tally);

    PartitionFailedException failed = assertThrows(PartitionFailedException.class,
        () -> job.run(data));

    assertEquals(Reason.INPUT_OVER_BUDGET, failed.reason());
    assertNull(failed.getCause());
    assertEquals(0, LocalSpark.launches(0));
  }

  @Test
  void kernelThatIgnoresItsGrantOrBudgetFailsThePartition() {
    JavaRDD<byte[]> data = LocalSpark.onePerPartition(spark, List.of(new byte[1000]));
    PartitionKernel<Tally> allTheCores = partition -> GaugedSumSumTasklet.on(partition.runtime())
        .workers(partition.runtime().cores())
        .input(partition.input())
        .maxFuel(partition.maxFuel())
        .launch();
    PartitionKernel<Tally> declaredFuel = partition -> GaugedSumSumTasklet.on(partition.runtime())
        .workers(partition.lanes())
        .input(partition.input())
        .launch();
    PartitionBudget budget = PartitionBudget.of(1 << 20, DEADLINE);

    PartitionFailedException tooManyLanes = assertThrows(PartitionFailedException.class,
        () -> TaskletJob.of(budget, allTheCores, tally -> tally).run(data));
    PartitionFailedException tooMuchFuel = assertThrows(PartitionFailedException.class,
        () -> TaskletJob.of(budget, declaredFuel, tally -> tally).run(data));

    assertEquals(Reason.BUDGET_NOT_APPLIED, tooManyLanes.reason());
    assertTrue(tooManyLanes.getMessage().contains("ran on 2 lanes, but the task may use 1"),
        tooManyLanes.getMessage());
    assertEquals(Reason.BUDGET_NOT_APPLIED, tooMuchFuel.reason());
    assertTrue(tooMuchFuel.getMessage().contains("but the partition's budget is 1048576"),
        tooMuchFuel.getMessage());
  }

  @Test
  void otherFailuresAreRetriedAsSparkRetriesAnyTask() {
    JavaRDD<byte[]> data = LocalSpark.onePerPartition(spark, List.of(new byte[0]));
    TaskletJob<Tally, Tally> job = TaskletJob.of(
        PartitionBudget.of(1 << 20, DEADLINE), LocalSpark.gaugedSum(), tally -> tally);

    PartitionFailedException failed = assertThrows(PartitionFailedException.class,
        () -> job.run(data));

    assertAll(
        () -> assertEquals(Reason.TASKLET_FAILED, failed.reason()),
        () -> assertInstanceOf(CoordinatorFailedException.class, failed.getCause()),
        () -> assertEquals(ATTEMPTS - 1, failed.attempt()),
        () -> assertEquals(ATTEMPTS, LocalSpark.launches(0), "launches of partition 0"));
  }

  @Test
  void lanesNeverExceedTheTasksGrant() {
    List<byte[]> partitions = IntStream.range(0, 8)
        .mapToObj(i -> GeneratedBytes.partition(i, 256 << 10))
        .toList();
    TaskletJob<Tally, Tally> job = TaskletJob.of(
        PartitionBudget.of(1 << 20, DEADLINE), LocalSpark.gaugedSum(), tally -> tally);

    List<PartitionResult<Tally>> results = job.run(LocalSpark.onePerPartition(spark, partitions));

    for (int partition = 0; partition < partitions.size(); partition++) {
      long expected = 0;
      for (byte b : partitions.get(partition)) {
        expected += Byte.toUnsignedInt(b);
      }
      assertEquals(expected, results.get(partition).shared().sum());
      assertEquals(1, results.get(partition).lanesGranted());
      assertEquals(1, results.get(partition).lanes());
    }
    assertTrue(GaugedSum.PEAK.get() <= 2,
        "at most the executor's 2 cores run lanes at once, was " + GaugedSum.PEAK.get());
  }

  private static void add(long[] total, long[] bins) {
    for (int value = 0; value < bins.length; value++) {
      total[value] += bins[value];
    }
  }
}
