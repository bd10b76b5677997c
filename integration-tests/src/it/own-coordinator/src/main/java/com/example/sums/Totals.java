package com.example.sums;

import io.tasklet.annotations.SharedState;

/** Sum and count of the input's ints. */
@SharedState
public record Totals(long sum, long count) {}
