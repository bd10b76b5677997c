package io.tasklet.benchmarks;

import io.tasklet.runtime.CoordinatorBody;
import io.tasklet.runtime.LaunchSpec;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime's Flight Recorder events cost: the lane round trip of {@link LaneRoundTrip}
 * and the empty launch of {@link LaunchOverhead}, on 1 and 2 lanes, while a JFR recording runs,
 * with the Tasklet events disabled (what every launch and phase pays for being able to record)
 * or enabled (every launch and every phase recorded, the phase threshold at 0). Their baselines
 * are those two benchmarks, which run with no recording: each benchmark runs in a JVM of its
 * own, in which Flight Recorder has never started.
 *
 * <p>The recording enables nothing but the Tasklet events, so that the JDK's own events (thread
 * sampling, GC) do not take the two cores from the lanes.
 */
@BenchmarkMode(Mode.AverageTime)
public class FlightRecorderOverhead {
  private static final List<String> EVENTS = List.of("io.tasklet.Launch", "io.tasklet.Phase",
      "io.tasklet.FuelExhausted", "io.tasklet.Quarantine", "io.tasklet.QuarantineEnd");

  private static final CoordinatorBody<Void, Void> EMPTY_PHASES = ctx -> {
    for (int round = 0; round < LaneRoundTrip.ROUNDS; round++) {
      ctx.parallelForWorkers(Launches.EMPTY);
    }
  };

  private static final CoordinatorBody<Void, Void> ONE_EMPTY_PHASE =
      ctx -> ctx.parallelForWorkers(Launches.EMPTY);

  /** A runtime of 2 cores, an empty launch of {@code lanes} lanes, and a recording running. */
  @State(Scope.Benchmark)
  public static class Recorded {
    @Param({"1", "2"})
    int lanes;

    @Param({"disabled", "enabled"})
    String events;

    TaskletRuntime runtime;
    LaunchSpec<Void> spec;
    Recording recording;

    @Setup
    public void start() {
      runtime = TaskletRuntime.withCores(2);
      spec = Launches.empty("empty", lanes);
      recording = new Recording();
      for (String event : EVENTS) {
        if (events.equals("enabled")) {
          recording.enable(event).withThreshold(Duration.ZERO);
        } else {
          recording.disable(event);
        }
      }
      recording.setToDisk(false); // kept in memory; a 2-core machine has no disk time to spare
      recording.setMaxSize(64 << 20);
      recording.start();
    }

    @TearDown
    public void stop() {
      recording.close();
      runtime.close();
    }
  }

  @Benchmark
  @Warmup(iterations = 6) // as LaneRoundTrip.tasklet, which says why
  @Fork(3)
  @OperationsPerInvocation(LaneRoundTrip.ROUNDS)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public TaskletResult<Void> roundTrip(Recorded state) throws TaskletException {
    return state.runtime.launch(state.spec, EMPTY_PHASES);
  }

  @Benchmark
  @Fork(3) // as LaunchOverhead.tasklet, which says why
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public TaskletResult<Void> launch(Recorded state) throws TaskletException {
    return state.runtime.launch(state.spec, ONE_EMPTY_PHASE);
  }
}
