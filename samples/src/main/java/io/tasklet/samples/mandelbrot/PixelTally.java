package io.tasklet.samples.mandelbrot;

import io.tasklet.annotations.WorkerScratch;

/**
 * What one lane rendered.
 *
 * @param rows rows the lane rendered
 * @param iterations iterations it computed
 */
@WorkerScratch
public record PixelTally(long rows, long iterations) {}
