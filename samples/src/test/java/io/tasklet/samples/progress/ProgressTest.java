package io.tasklet.samples.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import io.tasklet.samples.Samples;
import io.tasklet.samples.mandelbrot.Frame;
import io.tasklet.samples.mandelbrot.Mandelbrot;
import io.tasklet.samples.mandelbrot.MandelbrotRenderTasklet;
import io.tasklet.samples.matmul.MatrixMultiplyMultiplyTasklet;
import io.tasklet.samples.matmul.RowCursor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the samples' coordinators report between their phases, and how a terminal shows it. */
class ProgressTest {
  private static TaskletRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = TaskletRuntime.withCores(2);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private record Update(String units, long done, long total) {}

  @Test
  void theMandelbrotReportsEveryBandOfRowsAsItsLanesFinishIt() throws TaskletException {
    List<Update> updates = new ArrayList<>();
    Frame frame = Frame.centredOn(64, 45, 100, -0.6, 0, 3.2);
    TaskletResult<Frame> result = Progress.reportingTo(
        (units, done, total) -> updates.add(new Update(units, done, total)),
        () -> MandelbrotRenderTasklet.on(runtime).workers(2)
            .input(Samples.frameBytes(frame)).launch());
    assertEquals(Mandelbrot.PHASES, updates.size(), updates.toString());
    for (int i = 0; i < updates.size(); i++) {
      assertEquals(new Update("rows", 45L * (i + 1) / Mandelbrot.PHASES, 45), updates.get(i));
    }
    long rows = result.shared().nextRow();
    assertEquals(45, rows, "the cursor ends at the last row, however far lanes overshot a band");
  }

  @Test
  void aSmallProductHasOneBandPerRow() throws TaskletException {
    List<Update> updates = new ArrayList<>();
    TaskletResult<RowCursor> result = Progress.reportingTo(
        (units, done, total) -> updates.add(new Update(units, done, total)),
        () -> MatrixMultiplyMultiplyTasklet.on(runtime).workers(2)
            .input(Samples.randomDoubles(2 * 7 * 7, 3)).launch());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L),
        updates.stream().map(Update::done).toList());
    assertEquals(7L * 7 * 7, result.shared().multiplyAdds());
  }

  @Test
  void withNoListenerACoordinatorReportsToNoOne() throws TaskletException {
    TaskletResult<RowCursor> result = MatrixMultiplyMultiplyTasklet.on(runtime).workers(2)
        .input(Samples.randomDoubles(2 * 3 * 3, 3)).launch();
    assertEquals(27, result.shared().multiplyAdds());
  }

  @Test
  void aProgressLineIsRewrittenInPlaceAndWipedAtTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressLine line = new ProgressLine(terminal, "render")) {
      line.update("rows", 500, 1000);
      line.update("rows", 1000, 1000);
    }
    String shown = bytes.toString(StandardCharsets.UTF_8);
    String last = "render: 1,000 of 1,000 rows (100%)";
    assertEquals("\rrender: 500 of 1,000 rows (50%)\r" + last + "\r" + " ".repeat(last.length())
        + "\r", shown);
  }

  @Test
  void aLineThatShowedNothingWipesNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), "render").close();
    assertTrue(bytes.toString(StandardCharsets.UTF_8).isEmpty());
  }
}
