package io.tasklet.benchmarks;

import io.tasklet.runtime.CoordinatorBody;
import io.tasklet.runtime.LaunchSpec;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What input and output of {@code bytes} bytes cost a launch of 2 lanes that touches one byte of
 * each: read in place against copied into linear memory, and written into the caller's
 * destination against written into the output region and copied out by {@code output()}. In
 * place, the launch's cost does not depend on the size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ZeroCopy {
  private static final CoordinatorBody<Void, Void> TOUCH_INPUT = ctx -> ctx.parallelForWorkers(
      lane -> lane.input().get(ValueLayout.JAVA_BYTE, lane.share(lane.input().byteSize()).start()));

  private static final CoordinatorBody<Void, Void> TOUCH_OUTPUT = ctx -> ctx.parallelForWorkers(
      lane -> lane.output().set(ValueLayout.JAVA_BYTE,
          lane.share(lane.output().byteSize()).start(), (byte) 1));

  /** A runtime of 2 cores, an input and an output destination of {@code bytes} bytes. */
  @State(Scope.Benchmark)
  public static class Buffers {
    @Param({"1048576", "67108864"})
    long bytes;

    TaskletRuntime runtime;
    Arena arena;
    LaunchSpec<Void> inPlace;
    LaunchSpec<Void> copied;
    LaunchSpec<Void> toDestination;
    LaunchSpec<Void> toRegion;

    @Setup
    public void start() {
      runtime = TaskletRuntime.withCores(2);
      arena = Arena.ofShared();
      MemorySegment input = arena.allocate(bytes, 64).fill((byte) 7);
      inPlace = spec().input(input, bytes).build();
      copied = spec().input(input, bytes).copyInput(true).build();
      toDestination = spec().outputBytes(bytes)
          .outputTo(Optional.of(arena.allocate(bytes, 64))).build();
      toRegion = spec().outputBytes(bytes).build();
    }

    private LaunchSpec.Builder<Void> spec() {
      return LaunchSpec.<Void>builder("ZeroCopy", 0, segment -> null)
          .lanes(2, 0)
          .maxLinearMemory(2 * bytes + (1 << 20));
    }

    @TearDown
    public void stop() {
      runtime.close();
      arena.close();
    }
  }

  @Benchmark
  public TaskletResult<Void> inputInPlace(Buffers state) throws TaskletException {
    return state.runtime.launch(state.inPlace, TOUCH_INPUT);
  }

  @Benchmark
  public TaskletResult<Void> inputCopied(Buffers state) throws TaskletException {
    return state.runtime.launch(state.copied, TOUCH_INPUT);
  }

  @Benchmark
  public byte[] outputToDestination(Buffers state) throws TaskletException {
    state.runtime.launch(state.toDestination, TOUCH_OUTPUT);
    return null;
  }

  @Benchmark
  public byte[] outputRegionCopiedOut(Buffers state) throws TaskletException {
    return state.runtime.launch(state.toRegion, TOUCH_OUTPUT).output();
  }
}
