package io.tasklet.samples.matmul;

import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.WorkerContext;
import io.tasklet.samples.progress.Progress;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Dense matrix multiply {@code C = A x B} of two square matrices of doubles.
 *
 * <p>The input holds A then B, row-major, in native byte order; the output receives C the same
 * way. Lanes take rows of C one at a time from a shared cursor (an atomic get-and-add on the
 * shared state), so a slow lane never holds the others up. Each row costs {@code n x n}
 * multiply-adds, one unit of fuel each. The rows are done in up to {@value #PHASES} bands, one
 * phase each, so that the coordinator can report its progress between them.
 */
public final class MatrixMultiply {
  /** Largest matrix size the declaration budgets for. */
  public static final int MAX_SIZE = 1024;

  /** Bands of rows the product is computed in, one phase each (fewer when it has fewer rows). */
  public static final int PHASES = 20;

  private MatrixMultiply() {}

  @Coordinator(
      workers = 16,
      maxInputBytes = 2L * MAX_SIZE * MAX_SIZE * Double.BYTES,
      maxOutputBytes = (long) MAX_SIZE * MAX_SIZE * Double.BYTES,
      maxFuel = 1L << 40)
  static void multiply(CoordinatorContext<RowCursor, LaneTally> ctx) {
    int n = sizeOf(ctx.input().byteSize());
    RowCursorView cursor = RowCursorView.of(ctx.shared());
    cursor.size(n);
    MemorySegment a = ctx.input().asSlice(0, (long) n * n * Double.BYTES);
    MemorySegment b = ctx.input().asSlice((long) n * n * Double.BYTES);
    int phases = Math.min(PHASES, n);
    for (int phase = 1; phase <= phases; phase++) {
      long bandEnd = (long) n * phase / phases;
      ctx.parallelForWorkers(lane -> multiplyRows(lane, a, b, n, bandEnd));
      cursor.nextRow(bandEnd); // lanes that found the band done overshot it
      Progress.done("rows", bandEnd, n);
    }
  }

  /** A lane's part of one band: rows of C from the shared cursor until it reaches {@code end}. */
  private static void multiplyRows(
      WorkerContext<RowCursor, LaneTally> lane, MemorySegment a, MemorySegment b, int n, long end) {
    RowCursorView shared = RowCursorView.of(lane.shared());
    LaneTallyView tally = LaneTallyView.of(lane.scratch());
    double[] row = new double[n];
    long rows = 0;
    for (long i = take(shared); i < end; i = take(shared)) {
      lane.fuelCheckpoint((long) n * n);
      java.util.Arrays.fill(row, 0);
      for (int k = 0; k < n; k++) {
        double aik = a.getAtIndex(ValueLayout.JAVA_DOUBLE, i * n + k);
        long bRow = (long) k * n;
        for (int j = 0; j < n; j++) {
          row[j] += aik * b.getAtIndex(ValueLayout.JAVA_DOUBLE, bRow + j);
        }
      }
      MemorySegment.copy(row, 0, lane.output(), ValueLayout.JAVA_DOUBLE, i * n * Double.BYTES, n);
      rows++;
    }
    tally.rows(tally.rows() + rows);
    RowCursorView.COMPONENT_MULTIPLY_ADDS.getAndAdd(shared.segment(), rows * n * n);
  }

  /** Takes the next row from the shared cursor, atomically: every row goes to one lane. */
  private static long take(RowCursorView shared) {
    return RowCursorView.COMPONENT_NEXT_ROW.getAndAdd(shared.segment(), 1);
  }

  /** The size n of two n x n matrices of doubles taking {@code inputBytes}. */
  public static int sizeOf(long inputBytes) {
    long n = Math.round(Math.sqrt(inputBytes / (2.0 * Double.BYTES)));
    if (n < 1 || 2 * n * n * Double.BYTES != inputBytes) {
      throw new IllegalArgumentException(
          "the input must hold two n x n matrices of doubles, but has " + inputBytes + " bytes");
    }
    return (int) n;
  }
}
