package io.tasklet.samples.matmul;

import io.tasklet.annotations.WorkerScratch;

/**
 * What one lane did.
 *
 * @param rows rows of the product the lane computed
 */
@WorkerScratch
public record LaneTally(long rows) {}
