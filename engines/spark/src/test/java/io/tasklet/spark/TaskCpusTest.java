package io.tasklet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With {@code spark.task.cpus=2}, each partition's launch gets two lanes, and no more run. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TaskCpusTest {
  @Test
  void lanesFollowTheTasksCpus() {
    LocalSpark.reset();
    try (JavaSparkContext spark = LocalSpark.start("local[2]", 2)) {
      TaskletJob<Tally, Tally> job = TaskletJob.of(
          PartitionBudget.of(1 << 20, Duration.ofMinutes(1)), LocalSpark.gaugedSum(),
          tally -> tally);

      List<PartitionResult<Tally>> results = job.run(LocalSpark.onePerPartition(spark,
          Collections.nCopies(4, new byte[512 << 10])));

      for (PartitionResult<Tally> result : results) {
        assertEquals(2, result.lanesGranted());
        assertEquals(2, result.lanes());
        assertEquals(0, result.shared().sum());
      }
      assertTrue(GaugedSum.PEAK.get() <= 2,
          "at most the executor's 2 cores run lanes at once, was " + GaugedSum.PEAK.get());
    }
  }
}
