package io.tasklet.spark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sample's command line, as the README runs it, on small partitions. */
class SparkHistogramTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SparkHistogram.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  @Test
  void printsEachPartitionAndTheCheckedTotal() {
    int status = run("--partitions", "3", "--partition-mib", "1", "--task-cpus", "2");

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
    assertTrue(Pattern.compile("(?m)^ +2 +driver +2/2 +1,048,576 +1,048,576/2,097,152 ")
        .matcher(printed).find(), printed);
    assertTrue(printed.contains("combined: 3,145,728 bytes in 3 partitions"), printed);
    assertTrue(printed.contains("plain Java over the same bytes: the same 256 counts"), printed);
  }

  @Test
  void aBudgetTooSmallFailsNamingThePartition() {
    int status = run("--master", "local[2,4]", "--partitions", "2", "--partition-mib", "1",
        "--fuel", "1000");

    String error = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, error);
    assertTrue(error.matches("(?s)SparkHistogram: partition [01] failed \\(fuel exhausted, not"
        + " retried\\) on executor driver, attempt 0: PartitionHistogram.count: fuel exhausted.*"),
        error);
  }

  @Test
  void aWrongCommandLineSaysHowToWriteIt() {
    assertEquals(2, run("--partitions", "none"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
        "SparkHistogram: --partitions takes a whole number from 1 to 65536, was none"));
  }
}
