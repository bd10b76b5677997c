package io.tasklet.benchmarks;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.WorkerScratch;

/**
 * The 256 counters of a byte histogram, laid out by the processor: {@link ViewAccess} counts
 * through its generated view.
 *
 * @param bins count of each byte value
 */
@WorkerScratch
record Bins(@Length(256) long[] bins) {}
