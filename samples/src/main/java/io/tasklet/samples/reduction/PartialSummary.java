package io.tasklet.samples.reduction;

import io.tasklet.annotations.WorkerScratch;

/**
 * One lane's summary of its share of the values.
 *
 * @param count values seen
 * @param sum their sum
 * @param min the smallest
 * @param max the largest
 */
@WorkerScratch
public record PartialSummary(long count, double sum, double min, double max) {}
