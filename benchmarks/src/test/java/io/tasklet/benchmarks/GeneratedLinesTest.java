package io.tasklet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the processor writes for the project {@link ProcessorCompile} compiles stays small: every
 * generated line is one that javac compiles in the user's build, every time. On average at most
 * {@value #MAX_LINES_PER_RECORD} lines per record (its view, with its layout) and {@value
 * #MAX_LINES_PER_COORDINATOR} per coordinator (its launcher), counted as {@code wc -l} counts
 * them, Javadoc, imports and blank lines included. Today's counts are 119.4 and 32 (from 265 and
 * 214 before the runtime held the launchers' and accessors' logic).
 */
class GeneratedLinesTest {
  static final int MAX_LINES_PER_RECORD = 120;
  static final int MAX_LINES_PER_COORDINATOR = 45;

  @Test
  void generatedSourcesStayWithinTheirLinesPerRecordAndPerCoordinator() {
    List<SyntheticProject.Source> annotated = SyntheticProject.annotated(
        ProcessorCompile.RECORDS, ProcessorCompile.COORDINATORS);
    Map<String, String> generated;
    try (InMemoryJavac javac = new InMemoryJavac(InMemoryJavac.classPathOfThisJvm())) {
      generated = javac.compile(annotated, List.of(new io.tasklet.processor.TaskletProcessor()),
          List.of()).checkClean("the annotated project").generatedSources();
    }
    long recordLines = 0;
    long launcherLines = 0;
    for (Map.Entry<String, String> source : generated.entrySet()) {
      long lines = source.getValue().lines().count();
      if (source.getKey().endsWith("Tasklet")) {
        launcherLines += lines;
      } else {
        recordLines += lines;
      }
    }
    double perRecord = (double) recordLines / ProcessorCompile.RECORDS;
    double perCoordinator = (double) launcherLines / ProcessorCompile.COORDINATORS;
    System.out.printf("generated lines: %.1f per record, %.1f per coordinator%n", perRecord,
        perCoordinator);
    assertTrue(perRecord <= MAX_LINES_PER_RECORD,
        "generated lines per record: " + perRecord + " > " + MAX_LINES_PER_RECORD);
    assertTrue(perCoordinator <= MAX_LINES_PER_COORDINATOR,
        "generated lines per coordinator: " + perCoordinator + " > " + MAX_LINES_PER_COORDINATOR);
  }
}
