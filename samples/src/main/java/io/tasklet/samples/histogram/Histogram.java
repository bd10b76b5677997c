package io.tasklet.samples.histogram;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;

/**
 * How often each byte value occurs in the input.
 *
 * @param bins count of each byte value, 0 to 255
 * @param bytesSeen bytes counted in all
 */
@SharedState
public record Histogram(@Length(256) long[] bins, long bytesSeen) {}
