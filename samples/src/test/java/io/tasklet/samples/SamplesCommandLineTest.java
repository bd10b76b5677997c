package io.tasklet.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasklet.runtime.TaskletRuntime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person meets it: what it prints, and how it exits. */
class SamplesCommandLineTest {
  private static TaskletRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = TaskletRuntime.withCores(2);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    return run(false, args);
  }

  private static Run run(boolean onTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Samples.run(runtime, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), onTerminal, args);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void histogramOfAFilePrintsTheAnswerLanesPlanFuelAndTime(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("text.txt");
    Files.writeString(file, "hello, tasklets\n".repeat(1000));
    Run run = run("histogram", file.toString(), "--lanes", "2");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("16,000 bytes, 11 distinct values"), run.out());
    assertTrue(run.out().contains("'l'             3,000"), run.out());
    assertTrue(run.out().contains("lanes:  2"), run.out());
    assertTrue(run.out().contains("input    @          2,112  16,000 B"), run.out());
    assertTrue(run.out().contains("fuel:   16,000 consumed, 1,099,511,611,776 remaining"), run.out());
    assertTrue(run.out().contains("time:"), run.out());
  }

  @Test
  void allRunsEverySampleAndWritesTheImage(@TempDir Path dir) throws IOException {
    Run run = run("all", dir.toString(), "--lanes", "2");
    assertEquals(0, run.status(), run.err());
    for (String title : new String[] {"histogram of", "reduction of 10,000,000", "matrix multiply",
        "Mandelbrot set"}) {
      assertTrue(run.out().contains(title), run.out());
    }
    BufferedImage image = ImageIO.read(dir.resolve("mandelbrot.png").toFile());
    assertEquals(1600, image.getWidth());
    assertEquals(1000, image.getHeight());
  }

  @Test
  void onATerminalALongLaunchShowsItsProgressOnStandardErrorThenWipesIt(@TempDir Path dir) {
    String png = dir.resolve("m.png").toString();
    Run shown = run(true, "mandelbrot", "64x45", png, "--lanes", "2");
    assertEquals(0, shown.status(), shown.err());
    assertTrue(shown.err().startsWith("\rMandelbrot set: 2 of 45 rows (4%)"), shown.err());
    assertTrue(shown.err().contains("\rMandelbrot set: 45 of 45 rows (100%)"), shown.err());
    assertTrue(shown.err().endsWith("\r"), "the line is wiped: " + shown.err());
    assertTrue(shown.out().startsWith("Mandelbrot set, 64 x 45"), shown.out());
    Run piped = run(false, "mandelbrot", "64x45", png, "--lanes", "2");
    assertEquals("", piped.err());
    assertEquals(shown.out().lines().count(), piped.out().lines().count());
  }

  @Test
  void helpListsTheSamples() {
    Run run = run("help");
    assertEquals(0, run.status());
    assertTrue(run.out().contains("mandelbrot WxH FILE"), run.out());
  }

  @Test
  void layoutPrintsTheReportOfOneRecordOrOfAll() {
    Run one = run("layout", "Frame");
    assertEquals(0, one.status(), one.err());
    assertTrue(one.out().startsWith("/* io.tasklet.samples.mandelbrot.Frame: @SharedState"),
        one.out());
    assertFalse(one.out().contains("struct Histogram"), one.out());
    Run all = run("layout");
    assertEquals(0, all.status(), all.err());
    for (String title : new String[] {"struct Histogram {", "struct LocalBins {",
        "ByteHistogram.count: @Coordinator", "struct Summary {", "MatrixMultiply.multiply"}) {
      assertTrue(all.out().contains(title), all.out());
    }
  }

  @Test
  void runningOutOfFuelSaysSoAndExitsWithOne() {
    Run run = run("reduce", "100000", "--fuel", "10");
    assertEquals(1, run.status());
    assertTrue(run.err().contains("ran out of fuel"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void badArgumentsSayWhatIsWrongAndExitWithTwo() {
    String[][] wrong = {
        {}, {"nonsense"}, {"histogram"}, {"histogram", "/no/such/file"}, {"reduce", "many"},
        {"matmul", "5000"}, {"mandelbrot", "800by600", "x.png"}, {"reduce", "10", "--lanes", "99"},
        {"reduce", "10", "--fuel"}, {"reduce", "10", "--verbose"}, {"layout", "Nothing"}};
    for (String[] args : wrong) {
      Run run = run(args);
      assertEquals(2, run.status(), String.join(" ", args));
      assertTrue(run.err().startsWith("tasklet-samples: "), run.err());
      assertTrue(run.err().contains("usage: tasklet-samples"), run.err());
      assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
  }
}
