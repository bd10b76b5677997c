package io.tasklet.samples.histogram;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.WorkerScratch;

/**
 * One lane's counts of its share of the input, merged by the coordinator afterwards.
 *
 * @param bins count of each byte value in the lane's share
 */
@WorkerScratch
public record LocalBins(@Length(256) long[] bins) {}
