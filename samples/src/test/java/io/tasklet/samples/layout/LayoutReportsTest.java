package io.tasklet.samples.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasklet.runtime.LinearMemoryPlan;
import io.tasklet.samples.Samples;
import io.tasklet.samples.mandelbrot.FrameView;
import io.tasklet.samples.mandelbrot.MandelbrotRenderTasklet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The text form of the layout reports the processor wrote for the samples, and of odd ones. */
class LayoutReportsTest {
  private static LayoutReports.Report report(String name) throws IOException {
    List<LayoutReports.Report> found = LayoutReports.ofCodeSource(Samples.class).stream()
        .filter(report -> report.isCalled(name))
        .toList();
    assertEquals(1, found.size(), name + ": " + found);
    return found.getFirst();
  }

  private static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  @Test
  void everySamplesRecordAndCoordinatorHasAReport() throws IOException {
    List<String> files = LayoutReports.ofCodeSource(Samples.class).stream()
        .map(LayoutReports.Report::file)
        .toList();
    assertTrue(files.contains("io.tasklet.samples.mandelbrot.Frame.layout.json"), files.toString());
    assertTrue(files.contains("io.tasklet.samples.mandelbrot.MandelbrotRenderTasklet.plan.json"),
        files.toString());
    assertEquals(12, files.size(), files.toString());
  }

  @Test
  void aRecordReadsLikePaholeWithTheLayoutsOffsets() throws IOException {
    String text = report("Frame").text();
    assertTrue(text.contains(format(
        "    int                  maxIterations;             /* %6d      4     4  0 */",
        FrameView.OFFSET_MAX_ITERATIONS)), text);
    assertTrue(text.contains("/* XXX 4 bytes hole */"), text);
    assertTrue(text.contains(format(
        "    double               minRe;                     /* %6d      8     8  0 */",
        FrameView.OFFSET_MIN_RE)), text);
    assertTrue(text.contains("/* size: " + FrameView.SIZE + ", alignment: "
        + FrameView.ALIGNMENT + ", cachelines: 1, members: 8 */"), text);
    assertTrue(text.contains("/* sum members: 52, holes: 1, sum holes: 4, padding: 0 */"), text);
  }

  @Test
  void anArrayAcrossCacheLinesShowsTheLinesItTouchesAndTheBoundary() throws IOException {
    String text = report("io.tasklet.samples.histogram.Histogram").text();
    assertTrue(text.contains("bins[256];                 /*      0   2048     8  0-31 */"), text);
    assertTrue(text.contains("/* --- cacheline 32 boundary (2,048 bytes) --- */"), text);
    assertTrue(text.contains("cachelines: 33"), text);
  }

  @Test
  void aCoordinatorsReportIsItsPlanAtTheDeclaredWorkers() throws IOException {
    String text = report("Mandelbrot.render").text();
    LinearMemoryPlan plan = MandelbrotRenderTasklet.DECLARATION.plan(MandelbrotRenderTasklet.DECLARATION.workers());
    assertTrue(text.contains("memory plan at 16 lanes with the largest input"), text);
    assertTrue(text.contains(format("  output   @ %,14d  %,d B", plan.outputOffset(),
        plan.outputBytes())), text);
    assertTrue(text.contains(format("total                      %,d B (%,d B alignment)",
        plan.totalBytes(), plan.alignmentBytes())), text);
  }

  @Test
  void enumsNestedRecordsTailPaddingAndAMemberPastABoundary() {
    String json = """
        {"kind": "record", "record": "p.Outer", "annotation": "WorkerScratch",
         "layoutClass": "p.OuterView", "size": 88, "alignment": 8, "cacheLineBytes": 64,
         "cacheLines": 2,
         "components": [
           {"name": "mode", "kind": "enum", "type": "p.Mode", "storage": "byte", "length": 0,
            "offset": 0, "size": 1, "alignment": 1, "firstCacheLine": 0, "lastCacheLine": 0},
           {"name": "pairs", "kind": "record", "type": "q.Pair", "length": 7, "offset": 8,
            "size": 56, "alignment": 8, "firstCacheLine": 0, "lastCacheLine": 0},
           {"name": "tail", "kind": "primitive", "type": "long", "length": 0, "offset": 72,
            "size": 8, "alignment": 8, "firstCacheLine": 1, "lastCacheLine": 1},
           {"name": "last", "kind": "primitive", "type": "byte", "length": 0, "offset": 80,
            "size": 1, "alignment": 1, "firstCacheLine": 1, "lastCacheLine": 1}
         ],
         "holes": [{"after": "mode", "offset": 1, "bytes": 7},
                   {"after": "pairs", "offset": 64, "bytes": 8}],
         "holeBytes": 15, "tailPaddingBytes": 7}
        """;
    String text = new LayoutReports.Report("p.Outer.layout.json", LayoutReports.fields(json))
        .text();
    assertTrue(text.contains("    enum Mode:byte       mode;"), text);
    assertTrue(text.contains("    struct q.Pair        pairs[7];"), text);
    assertTrue(text.contains("/* XXX 7 bytes hole */"), text);
    assertTrue(text.contains("/* --- cacheline 1 boundary (64 bytes) was 8 bytes ago --- */"),
        text);
    assertTrue(text.contains("holes: 2, sum holes: 15, padding: 7 */"), text);
    assertTrue(text.contains("/* last cacheline: 24 bytes */"), text);
  }

  @Test
  void theReadmeShowsTheReportsAsTheyAre() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    for (String name : List.of("Frame", "Mandelbrot.render")) {
      String text = report(name).text().replace(System.lineSeparator(), "\n");
      assertTrue(readme.contains(text), "the README's report of " + name + " is out of date:\n"
          + text);
    }
  }

  @Test
  void aMalformedReportSaysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayoutReports.fields("{\"kind\": \"record\", \"size\": }"));
    assertTrue(e.getMessage().startsWith("malformed layout report"), e.getMessage());
  }
}
