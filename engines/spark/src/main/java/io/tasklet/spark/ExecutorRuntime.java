package io.tasklet.spark;

import io.tasklet.runtime.TaskletRuntime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The one {@link TaskletRuntime} of an executor JVM, shared by all the tasks Spark runs in it and
 * sized to the cores Spark lets the executor use, so that the lanes of concurrent tasks together
 * never oversubscribe the host. Made on the first partition the JVM runs; it lives as long as the
 * JVM (its lane threads are daemons and park when idle).
 */
final class ExecutorRuntime {
  private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+)(?:\\s*,\\s*\\d+)?]");
  private static final Pattern LOCAL_CLUSTER =
      Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*,\\s*\\d+\\s*]");

  private static TaskletRuntime runtime;

  private ExecutorRuntime() {}

  /** The runtime of this JVM, made for {@code conf} on first use. */
  static synchronized TaskletRuntime of(SparkConf conf) {
    if (runtime == null) {
      runtime = TaskletRuntime.withCores(
          executorCores(conf, Runtime.getRuntime().availableProcessors()));
    }
    return runtime;
  }

  /**
   * The cores an executor of {@code conf} may use, at most the {@code available} processors of
   * its JVM: in local mode the master's thread count ({@code local} is 1, {@code local[N]} and
   * {@code local[N,F]} are N, {@code local[*]} is all), in {@code local-cluster[n,c,m]} c, on a
   * cluster manager {@code spark.executor.cores}, and otherwise all the JVM's processors.
   */
  static int executorCores(SparkConf conf, int available) {
    String master = conf.get("spark.master", "");
    int cores = available;
    Matcher local = LOCAL.matcher(master);
    Matcher localCluster = LOCAL_CLUSTER.matcher(master);
    if (master.equals("local")) {
      cores = 1;
    } else if (local.matches()) {
      cores = local.group(1).equals("*") ? available : Integer.parseInt(local.group(1));
    } else if (localCluster.matches()) {
      cores = Integer.parseInt(localCluster.group(1));
    } else if (conf.contains("spark.executor.cores")) {
      cores = conf.getInt("spark.executor.cores", available);
    }
    return Math.max(1, Math.min(cores, available));
  }
}
