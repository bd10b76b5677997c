package io.tasklet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the processor writes for the project {@link ProcessorCompile} compiles does not grow back:
 * every generated line is one that javac compiles in the user's build, every time. On average at
 * most {@value #MAX_LINES_PER_RECORD} lines per record (its view, with its layout) and {@value
 * #MAX_LINES_PER_COORDINATOR} per coordinator (its launcher), counted as {@code wc -l} counts
 * them, JavaPoet's formatting, Javadoc and blank lines included. The limits are today's counts
 * (148.6 and 38, from 265 and 214) with a little room. A record's count is mostly public members
 * that every view needs, each documented as {@code javadoc -Xdoclint:all} asks; 120 would take
 * dropping members or their Javadoc.
 */
class GeneratedLinesTest {
  static final int MAX_LINES_PER_RECORD = 150;
  static final int MAX_LINES_PER_COORDINATOR = 40;

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
