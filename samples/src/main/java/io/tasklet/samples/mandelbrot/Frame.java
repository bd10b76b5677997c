package io.tasklet.samples.mandelbrot;

import io.tasklet.annotations.SharedState;

/**
 * What to render, and the render's progress. The launcher passes it in as the input; the
 * coordinator copies it into the shared state, where lanes take rows from {@code nextRow}.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param maxIterations iterations after which a point counts as inside the set
 * @param minRe real part at the left edge
 * @param minIm imaginary part at the top edge
 * @param step distance between two pixels in the complex plane
 * @param nextRow the next row that no lane has taken yet
 * @param pixelsInside pixels found inside the set
 */
@SharedState
public record Frame(
    int width,
    int height,
    int maxIterations,
    double minRe,
    double minIm,
    double step,
    long nextRow,
    long pixelsInside) {

  /** A frame of {@code width x height} pixels centred on {@code (re, im)}, {@code span} wide. */
  public static Frame centredOn(
      int width, int height, int maxIterations, double re, double im, double span) {
    double step = span / width;
    return new Frame(width, height, maxIterations,
        re - step * width / 2, im - step * height / 2, step, 0, 0);
  }
}
