package io.tasklet.spark;

import io.tasklet.annotations.SharedState;
import java.io.Serializable;

/** The sum of a partition's bytes, as unsigned values. */
@SharedState
public record Tally(long sum) implements Serializable {}
