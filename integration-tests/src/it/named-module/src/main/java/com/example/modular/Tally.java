package com.example.modular;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;

/** What the lanes count together: one byte counter at the very end of the record. */
@SharedState
public record Tally(long total, @Length(3) short[] perPhase, byte done) {}
