package io.tasklet.spark.sample;

import io.tasklet.annotations.WorkerScratch;

/** The bytes one lane counted. */
@WorkerScratch
public record LaneBytes(long counted) {}
