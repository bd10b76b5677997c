package com.example.sums;

import io.tasklet.annotations.WorkerScratch;

/** One lane's sum. */
@WorkerScratch
public record Partial(long sum) {}
