package io.tasklet.benchmarks;

import io.tasklet.runtime.CoordinatorBody;
import io.tasklet.runtime.LaneBody;
import io.tasklet.runtime.LaneFigures;
import io.tasklet.runtime.LaunchSpec;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one {@code fuelCheckpoint(1)} costs while every lane is drawing from the same pool. One
 * operation is a launch in which each lane makes {@value #CALLS} checkpoints at once, so scores
 * are the time per checkpoint as one lane sees it.
 *
 * <p>The baseline is the obvious design: one {@code AtomicLong} that every checkpoint
 * compare-and-set decrements. It runs on the same runtime and lanes, so that only the counting
 * differs. Both sides check after every measurement iteration that exactly the fuel of the calls
 * made was consumed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FuelCheckpoint {
  /** Checkpoints each lane makes per benchmark operation. */
  static final int CALLS = 1_000_000;

  private static final LaneBody<Void, Void> CHECKPOINTS = lane -> {
    for (int call = 0; call < CALLS; call++) {
      lane.fuelCheckpoint(1);
    }
  };

  private static final CoordinatorBody<Void, Void> ONE_PHASE_OF_CHECKPOINTS =
      ctx -> ctx.parallelForWorkers(CHECKPOINTS);

  /** Launches of {@code lanes} lanes whose pool holds exactly the fuel their checkpoints draw. */
  @State(Scope.Benchmark)
  public static class Pool {
    @Param({"1", "2"})
    int lanes;

    TaskletRuntime runtime;
    LaunchSpec<Void> spec;
    final Exactness exactness = new Exactness();

    @Setup
    public void start() {
      runtime = TaskletRuntime.withCores(2);
      spec = Launches.fuelled("FuelCheckpoint", lanes, (long) lanes * CALLS);
    }

    /** Records one launch's figures: every lane consumed its calls and the pool is empty. */
    void record(TaskletResult<Void> result) {
      boolean exact = result.fuelConsumed() == (long) lanes * CALLS && result.fuelRemaining() == 0;
      for (LaneFigures lane : result.lanes()) {
        exact &= lane.fuelConsumed() == CALLS;
      }
      exactness.record(exact);
    }

    @TearDown(Level.Iteration)
    public void checkExact() {
      exactness.check("fuel pool");
    }

    @TearDown
    public void stop() {
      runtime.close();
    }
  }

  /** Launches of {@code lanes} lanes with no pool, that count on one shared AtomicLong instead. */
  @State(Scope.Benchmark)
  public static class SharedCounter {
    @Param({"1", "2"})
    int lanes;

    TaskletRuntime runtime;
    LaunchSpec<Void> spec;
    final AtomicLong fuel = new AtomicLong();
    final Exactness exactness = new Exactness();
    CoordinatorBody<Void, Void> onePhase;

    @Setup
    public void start() {
      runtime = TaskletRuntime.withCores(2);
      spec = Launches.empty("FuelCheckpoint.naive", lanes);
      LaneBody<Void, Void> checkpoints = lane -> {
        for (int call = 0; call < CALLS; call++) {
          naiveCheckpoint(fuel, 1);
        }
      };
      onePhase = ctx -> ctx.parallelForWorkers(checkpoints);
    }

    @TearDown(Level.Iteration)
    public void checkExact() {
      exactness.check("shared counter");
    }

    @TearDown
    public void stop() {
      runtime.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public void pool(Pool state) throws TaskletException {
    state.record(state.runtime.launch(state.spec, ONE_PHASE_OF_CHECKPOINTS));
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public void naiveCas(SharedCounter state) throws TaskletException {
    state.fuel.set((long) state.lanes * CALLS);
    state.runtime.launch(state.spec, state.onePhase);
    state.exactness.record(state.fuel.get() == 0);
  }

  /** Draws {@code units} from {@code fuel} with a compare-and-set loop, or fails if it is short. */
  static void naiveCheckpoint(AtomicLong fuel, long units) {
    long left;
    do {
      left = fuel.get();
      if (left < units) {
        throw new IllegalStateException("fuel exhausted: " + left + " left, " + units + " asked");
      }
    } while (!fuel.compareAndSet(left, left - units));
  }

  /** Counts launches whose fuel did not add up, and fails the iteration if there were any. */
  static final class Exactness {
    private long launches;
    private long inexact;

    void record(boolean exact) {
      launches++;
      if (!exact) {
        inexact++;
      }
    }

    void check(String what) {
      long bad = inexact;
      long all = launches;
      launches = 0;
      inexact = 0;
      if (bad != 0) {
        throw new IllegalStateException(what + ": consumed fuel differed from the calls made in "
            + bad + " of " + all + " launches");
      }
    }
  }
}
