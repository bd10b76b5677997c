package io.tasklet.benchmarks;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.WorkerScratch;

/**
 * A table of 2<sup>20</sup> counters (8 MiB), laid out by the processor: {@link ViewAccess}
 * updates it at random places through its generated view.
 *
 * @param slots the counters
 */
@WorkerScratch
record Slots(@Length(1 << 20) long[] slots) {}
