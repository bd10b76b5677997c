package io.tasklet.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasklet.runtime.FuelExhaustedException;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import io.tasklet.samples.histogram.ByteHistogramCountTasklet;
import io.tasklet.samples.histogram.Histogram;
import io.tasklet.samples.mandelbrot.Frame;
import io.tasklet.samples.mandelbrot.Mandelbrot;
import io.tasklet.samples.mandelbrot.MandelbrotRenderTasklet;
import io.tasklet.samples.matmul.MatrixMultiplyMultiplyTasklet;
import io.tasklet.samples.matmul.RowCursor;
import io.tasklet.samples.reduction.DoubleReductionSummarizeTasklet;
import io.tasklet.samples.reduction.Summary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sample's answer, on 1, 2 and 4 lanes, against plain Java. */
class SampleAnswersTest {
  private static TaskletRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = TaskletRuntime.withCores(4);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void histogramCountsEveryByteOfTheFile(int lanes) throws TaskletException {
    byte[] text = Samples.generatedText(1_000_003, lanes).getBytes(StandardCharsets.UTF_8);
    TaskletResult<Histogram> result = ByteHistogramCountTasklet.on(runtime).workers(lanes)
        .input(text).launch();
    long[] expected = new long[256];
    for (byte b : text) {
      expected[b & 0xFF]++;
    }
    assertArrayEquals(expected, result.shared().bins());
    assertEquals(text.length, result.shared().bytesSeen());
    assertEquals(text.length, result.fuelConsumed());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void reductionMatchesPlainJava(int lanes) throws TaskletException {
    ByteBuffer input = Samples.randomDoubles(1_000_001, lanes);
    double[] values = new double[1_000_001];
    input.duplicate().order(ByteOrder.nativeOrder()).asDoubleBuffer().get(values);
    Summary summary = DoubleReductionSummarizeTasklet.on(runtime).workers(lanes).input(input)
        .launch().shared();
    assertEquals(values.length, summary.count());
    assertEquals(Arrays.stream(values).sum(), summary.sum(), 1e-6 * values.length);
    assertEquals(Arrays.stream(values).min().orElseThrow(), summary.min());
    assertEquals(Arrays.stream(values).max().orElseThrow(), summary.max());
    assertEquals(Arrays.stream(values).average().orElseThrow(), summary.mean(), 1e-6);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void matrixMultiplyMatchesPlainJava(int lanes) throws TaskletException {
    int n = 67;
    ByteBuffer input = Samples.randomDoubles(2L * n * n, lanes);
    double[] ab = new double[2 * n * n];
    input.duplicate().order(ByteOrder.nativeOrder()).asDoubleBuffer().get(ab);
    TaskletResult<RowCursor> result = MatrixMultiplyMultiplyTasklet.on(runtime).workers(lanes)
        .input(input).launch();
    double[] c = new double[n * n];
    ByteBuffer.wrap(result.output()).order(ByteOrder.nativeOrder()).asDoubleBuffer().get(c);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = 0;
        for (int k = 0; k < n; k++) {
          expected += ab[i * n + k] * ab[n * n + k * n + j];
        }
        assertEquals(expected, c[i * n + j], 1e-6 * Math.abs(expected) + 1e-9, "C[" + i + "][" + j + "]");
      }
    }
    assertEquals((long) n * n * n, result.shared().multiplyAdds());
    assertEquals((long) n * n * n, result.fuelConsumed());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void mandelbrotMatchesPlainJava(int lanes) throws TaskletException {
    Frame frame = Frame.centredOn(300, 200, 200, -0.6, 0, 3.2);
    TaskletResult<Frame> result = MandelbrotRenderTasklet.on(runtime).workers(lanes)
        .input(Samples.frameBytes(frame)).launch();
    byte[] image = Arrays.copyOf(result.output(), 300 * 200);
    long inside = 0;
    long iterations = 0;
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        int n = Mandelbrot.escapeTime(frame.minRe() + x * frame.step(),
            frame.minIm() + y * frame.step(), 200);
        iterations += n;
        inside += n == 200 ? 1 : 0;
        assertEquals(Mandelbrot.shade(n, 200), image[y * 300 + x], "pixel " + x + "," + y);
      }
    }
    assertEquals(inside, result.shared().pixelsInside());
    assertEquals(iterations, result.fuelConsumed());
    assertEquals(200, result.shared().nextRow(),
        "the coordinator sets the cursor back to the end of each band, which lanes overshoot");
  }

  @Test
  void aSmallFuelPoolStopsASample() {
    FuelExhaustedException failure = assertThrows(FuelExhaustedException.class,
        () -> DoubleReductionSummarizeTasklet.on(runtime).workers(2)
            .input(Samples.randomDoubles(100_000, 1)).maxFuel(99_999).launch());
    assertEquals("DoubleReduction.summarize", failure.tasklet());
  }
}
