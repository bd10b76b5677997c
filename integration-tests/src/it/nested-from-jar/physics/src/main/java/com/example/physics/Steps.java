package com.example.physics;

import io.tasklet.annotations.WorkerScratch;

/** Steps one lane took. */
@WorkerScratch
public record Steps(long taken) {}
