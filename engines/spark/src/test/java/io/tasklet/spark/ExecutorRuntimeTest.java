package io.tasklet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class ExecutorRuntimeTest {
  @Test
  void localModeUsesTheMastersThreads() {
    assertEquals(1, cores("local", 8));
    assertEquals(3, cores("local[3]", 8));
    assertEquals(3, cores("local[3,4]", 8));
    assertEquals(8, cores("local[*]", 8));
    assertEquals(8, cores("local[*, 4]", 8));
    assertEquals(3, cores("local-cluster[2, 3, 1024]", 8));
  }

  @Test
  void clusterModeUsesExecutorCores() {
    assertEquals(4, executorCores(new SparkConf(false).setMaster("spark://host:7077")
        .set("spark.executor.cores", "4"), 8));
    assertEquals(8, cores("yarn", 8));
  }

  @Test
  void neverMoreThanTheJvmsProcessors() {
    assertEquals(2, cores("local[16]", 2));
    assertEquals(2, executorCores(new SparkConf(false).setMaster("yarn")
        .set("spark.executor.cores", "6"), 2));
  }

  private static int cores(String master, int available) {
    return executorCores(new SparkConf(false).setMaster(master), available);
  }

  private static int executorCores(SparkConf conf, int available) {
    return ExecutorRuntime.executorCores(conf, available);
  }
}
