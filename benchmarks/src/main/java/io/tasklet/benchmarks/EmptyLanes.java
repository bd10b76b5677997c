package io.tasklet.benchmarks;

import io.tasklet.runtime.LaunchSpec;
import io.tasklet.runtime.TaskletRuntime;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A runtime of 2 cores and a launch of {@code lanes} lanes with nothing in it, for the benchmarks
 * that time the runtime's own work ({@link LaneRoundTrip}, {@link LaunchOverhead}).
 */
@State(Scope.Benchmark)
public class EmptyLanes {
  @Param({"1", "2"})
  int lanes;

  TaskletRuntime runtime;
  LaunchSpec<Void> spec;

  @Setup
  public void start() {
    runtime = TaskletRuntime.withCores(2);
    spec = Launches.empty("empty", lanes);
  }

  @TearDown
  public void stop() {
    runtime.close();
  }
}
