package io.tasklet.runtime;

import java.time.Duration;

/**
 * What one lane did during a launch.
 *
 * @param lane the lane's index
 * @param busy time from the start of each phase to the end of the lane's body, summed over the
 *     phases (a large input copied in counts as one)
 * @param fuelConsumed fuel the lane's checkpoints consumed
 */
public record LaneFigures(int lane, Duration busy, long fuelConsumed) {}
