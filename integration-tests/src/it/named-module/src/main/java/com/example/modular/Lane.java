package com.example.modular;

import io.tasklet.annotations.WorkerScratch;

/** One lane's own count. */
@WorkerScratch
public record Lane(long count) {}
