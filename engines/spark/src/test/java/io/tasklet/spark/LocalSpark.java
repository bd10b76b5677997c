package io.tasklet.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark in this JVM for the tests, and what they count of the launches in it. */
final class LocalSpark {
  /** Launches of each partition since the last {@link #reset}, every attempt included. */
  static final Map<Integer, AtomicInteger> LAUNCHES = new ConcurrentHashMap<>();

  private LocalSpark() {}

  /** A context on {@code master} granting each task {@code taskCpus} CPUs, reachable only here. */
  static JavaSparkContext start(String master, int taskCpus) {
    return new JavaSparkContext(new SparkConf()
        .setMaster(master)
        .setAppName("tasklet-spark tests")
        .set("spark.task.cpus", Integer.toString(taskCpus))
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
  }

  static void reset() {
    LAUNCHES.clear();
    GaugedSum.RUNNING.set(0);
    GaugedSum.PEAK.set(0);
  }

  /** One partition per array of {@code partitions}. */
  static JavaRDD<byte[]> onePerPartition(JavaSparkContext spark, List<byte[]> partitions) {
    return spark.parallelize(partitions, partitions.size());
  }

  /** Counts the launch of {@code partition}. */
  static void launched(PartitionLaunch partition) {
    LAUNCHES.computeIfAbsent(partition.partition(), p -> new AtomicInteger()).incrementAndGet();
  }

  static int launches(int partition) {
    AtomicInteger count = LAUNCHES.get(partition);
    return count == null ? 0 : count.get();
  }

  /** {@link GaugedSum} on the lanes and budget the partition was given; counts the launch. */
  static PartitionKernel<Tally> gaugedSum() {
    return partition -> {
      launched(partition);
      return GaugedSumSumTasklet.on(partition.runtime())
          .workers(partition.lanesUpTo(GaugedSumSumTasklet.DECLARATION.workers()))
          .input(partition.input())
          .maxFuel(partition.maxFuel())
          .deadline(partition.deadline())
          .launch();
    };
  }
}
