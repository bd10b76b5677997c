package io.tasklet.spark;

import io.tasklet.annotations.WorkerScratch;

/** One lane's part of the sum. */
@WorkerScratch
public record LaneTally(long sum) {}
