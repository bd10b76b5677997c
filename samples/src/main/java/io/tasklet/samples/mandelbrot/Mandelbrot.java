package io.tasklet.samples.mandelbrot;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.WorkerContext;
import io.tasklet.samples.progress.Progress;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Renders the Mandelbrot set into the output region, one grey byte per pixel, row by row. The
 * input is a {@link Frame} laid out by {@code FrameView}; lanes take rows from the shared
 * frame's cursor, and pay one unit of fuel per iteration. The image is rendered in
 * {@value #PHASES} bands of rows, one phase each, so that the coordinator can report its progress
 * between them.
 */
public final class Mandelbrot {
  /** Largest image, in pixels, the declaration budgets for. */
  public static final int MAX_PIXELS = 4096 * 4096;

  /** Bands of rows the image is rendered in, one phase each (fewer when it has fewer rows). */
  public static final int PHASES = 20;

  private Mandelbrot() {}

  @Coordinator(
      workers = 16,
      maxInputBytes = 64, // a Frame takes 56 bytes
      maxOutputBytes = MAX_PIXELS,
      maxFuel = 1L << 40)
  static void render(CoordinatorContext<Frame, PixelTally> ctx) {
    Frame frame = FrameView.of(ctx.input()).read();
    if ((long) frame.width() * frame.height() > ctx.output().byteSize()) {
      throw new IllegalArgumentException("a " + frame.width() + " x " + frame.height()
          + " image does not fit the output region of " + ctx.output().byteSize() + " bytes");
    }
    FrameView.of(ctx.shared()).write(frame);
    int phases = Math.min(PHASES, frame.height());
    for (int phase = 1; phase <= phases; phase++) {
      long bandEnd = (long) frame.height() * phase / phases;
      ctx.parallelForWorkers(lane -> renderRows(lane, frame, bandEnd));
      FrameView.of(ctx.shared()).nextRow(bandEnd); // lanes that found the band done overshot it
      Progress.done("rows", bandEnd, frame.height());
    }
  }

  /** A lane's part of one band: rows taken from the shared cursor until it reaches {@code end}. */
  private static void renderRows(WorkerContext<Frame, PixelTally> lane, Frame frame, long end) {
    FrameView shared = FrameView.of(lane.shared());
    MemorySegment image = lane.output();
    long rows = 0;
    long iterations = 0;
    long inside = 0;
    for (long y = take(shared); y < end; y = take(shared)) {
      long rowIterations = 0;
      double im = frame.minIm() + y * frame.step();
      for (int x = 0; x < frame.width(); x++) {
        int n = escapeTime(frame.minRe() + x * frame.step(), im, frame.maxIterations());
        rowIterations += n;
        if (n == frame.maxIterations()) {
          inside++;
        }
        image.set(ValueLayout.JAVA_BYTE, y * frame.width() + x, shade(n, frame.maxIterations()));
      }
      lane.fuelCheckpoint(rowIterations);
      iterations += rowIterations;
      rows++;
    }
    PixelTallyView tally = PixelTallyView.of(lane.scratch());
    tally.rows(tally.rows() + rows);
    tally.iterations(tally.iterations() + iterations);
    FrameView.COMPONENT_PIXELS_INSIDE.getAndAdd(shared.segment(), inside);
  }

  /** Takes the next row from the shared cursor, atomically: every row goes to one lane. */
  private static long take(FrameView shared) {
    return FrameView.COMPONENT_NEXT_ROW.getAndAdd(shared.segment(), 1);
  }

  /** Iterations before {@code z = z^2 + c} leaves the circle of radius 2, at most {@code max}. */
  public static int escapeTime(double re, double im, int max) {
    double zr = 0;
    double zi = 0;
    int n = 0;
    while (n < max && zr * zr + zi * zi <= 4) {
      double t = zr * zr - zi * zi + re;
      zi = 2 * zr * zi + im;
      zr = t;
      n++;
    }
    return n;
  }

  /** The grey level of a pixel that escaped after {@code n} of {@code max} iterations. */
  public static byte shade(int n, int max) {
    return n >= max ? 0 : (byte) (255 - (int) (255 * Math.sqrt((double) n / max)));
  }
}
