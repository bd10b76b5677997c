package io.tasklet.benchmarks;

import io.tasklet.runtime.LaneBody;
import io.tasklet.runtime.LaunchSpec;
import java.util.OptionalLong;

/** Hand-written launch specs for the benchmarks: no shared state, no scratch, no input. */
final class Launches {
  /** A lane body that does nothing: what is left to measure is the runtime's own work. */
  static final LaneBody<Void, Void> EMPTY = lane -> {};

  private Launches() {}

  /** A launch of {@code lanes} lanes named {@code name}, with no fuel pool. */
  static LaunchSpec<Void> empty(String name, int lanes) {
    return LaunchSpec.<Void>builder(name, 0, segment -> null).lanes(lanes, 0).build();
  }

  /** A launch of {@code lanes} lanes named {@code name}, with a pool of exactly {@code fuel}. */
  static LaunchSpec<Void> fuelled(String name, int lanes, long fuel) {
    return LaunchSpec.<Void>builder(name, 0, segment -> null)
        .lanes(lanes, 0)
        .maxFuel(OptionalLong.of(fuel))
        .build();
  }
}
