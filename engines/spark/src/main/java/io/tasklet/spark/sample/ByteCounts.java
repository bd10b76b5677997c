package io.tasklet.spark.sample;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;
import java.io.Serializable;

/**
 * How often each byte value occurs in a partition, and its size. Serializable, so it is its own
 * row in the job's result.
 */
@SharedState
public record ByteCounts(@Length(256) long[] bins, long bytes) implements Serializable {}
