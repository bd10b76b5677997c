package io.tasklet.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The outcome of a successful launch.
 *
 * @param <S> the shared state record
 */
public final class TaskletResult<S> {
  private final S shared;
  private final byte[] output; // null when lanes wrote to the caller's destination
  private final MemorySegment destination;
  private final OptionalLong maxFuel;
  private final long fuelConsumed;
  private final Duration elapsed;
  private final List<LaneFigures> lanes;
  private final LinearMemoryPlan plan;

  public TaskletResult(
      S shared,
      byte[] output,
      OptionalLong maxFuel,
      long fuelConsumed,
      Duration elapsed,
      List<LaneFigures> lanes,
      LinearMemoryPlan plan) {
    this(shared, output.clone(), null, maxFuel, fuelConsumed, elapsed, lanes, plan);
  }

  /** A result whose output is {@code output}, or lives in the caller's {@code destination}. */
  TaskletResult(
      S shared,
      byte[] output,
      MemorySegment destination,
      OptionalLong maxFuel,
      long fuelConsumed,
      Duration elapsed,
      List<LaneFigures> lanes,
      LinearMemoryPlan plan) {
    this.shared = shared;
    this.output = output;
    this.destination = destination;
    this.maxFuel = maxFuel;
    this.fuelConsumed = fuelConsumed;
    this.elapsed = elapsed;
    this.lanes = List.copyOf(lanes);
    this.plan = plan;
  }

  /** The shared state as the launch left it. */
  public S shared() {
    return shared;
  }

  /**
   * A copy of the output as the launch left it; empty when there is none. When lanes wrote to a
   * destination of the caller's, a copy of the declared output's bytes of it as they are now.
   */
  public byte[] output() {
    return destination != null ? destination.toArray(ValueLayout.JAVA_BYTE) : output.clone();
  }

  /** The fuel pool the launch ran with; empty for none. */
  public OptionalLong maxFuel() {
    return maxFuel;
  }

  /** Fuel consumed by every lane and the coordinator together. */
  public long fuelConsumed() {
    return fuelConsumed;
  }

  /** Fuel left in the pool: {@code maxFuel - fuelConsumed}, or 0 with no pool. */
  public long fuelRemaining() {
    return maxFuel.isPresent() ? maxFuel.getAsLong() - fuelConsumed : 0;
  }

  /** Wall-clock time from the start of the launch to the coordinator's return. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Number of lanes the launch ran on; 0 for a single-threaded tasklet. */
  public int workers() {
    return lanes.size();
  }

  /** What each lane did, by index. */
  public List<LaneFigures> lanes() {
    return lanes;
  }

  /** Where each region lived in linear memory. */
  public LinearMemoryPlan plan() {
    return plan;
  }
}
