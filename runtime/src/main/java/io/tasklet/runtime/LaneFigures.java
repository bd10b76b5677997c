package io.tasklet.runtime;

import java.time.Duration;

/**
 * What one lane did during a launch.
 *
 * @param lane the lane's index
 * @param busy time spent running lane bodies, over all phases, and copying the lane's share of a
 *     large input
 * @param fuelConsumed fuel the lane's checkpoints consumed
 */
public record LaneFigures(int lane, Duration busy, long fuelConsumed) {}
