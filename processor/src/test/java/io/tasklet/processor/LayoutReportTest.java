package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.testing.compile.JavaFileObjects;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.runtime.CoordinatorDeclaration;
import io.tasklet.runtime.LinearMemoryPlan;
import io.tasklet.runtime.TaskletDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout reports under {@code META-INF/tasklet/} against what the generated code says: every
 * figure of a record's report is checked against its layout's constants and {@code LAYOUT}, and a
 * coordinator's plan against its launcher's {@code plan(workers)}.
 */
class LayoutReportTest {
  private static Compiled compiled;

  /** A source in package {@code p} that sees the annotations. */
  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString(
        "p." + name, "package p;\n\nimport io.tasklet.annotations.*;\n\n" + body);
  }

  @BeforeAll
  static void compile() {
    String manyModes = IntStream.range(0, 300)
        .mapToObj(i -> "M" + i)
        .collect(Collectors.joining(", ", "public enum ManyModes { ", " }"));
    compiled =
        Compiled.compile(
            source("Mode", "public enum Mode { IDLE, RUNNING, DONE }"),
            source("ManyModes", manyModes),
            source("Pair", "@WorkerScratch\npublic record Pair(int x, byte y) {}"),
            source(
                "Outer",
                "public final class Outer {\n  private Outer() {}\n\n"
                    + "  @WorkerScratch\n  public record Inner(short s, Mode m, long l) {}\n}"),
            source(
                "Mixed",
                "@WorkerScratch\npublic record Mixed(byte a, long b, @Length(3) char[] d,"
                    + " Mode mode, @Length(5) Mode[] modes, Pair pair, @Length(3) Pair[] pairs,"
                    + " ManyModes many, Outer.Inner inner, @Length(20) long[] wide, byte last)"
                    + " {}"),
            source("Total", "@SharedState\npublic record Total(long sum) {}"),
            source(
                "Line", "@SharedState\npublic record Line(@Length(8) long[] full, long next) {}"),
            source("Empty", "@WorkerScratch\npublic record Empty() {}"),
            JavaFileObjects.forSourceString(
                "p.Jobs",
                """
                package p;
                import io.tasklet.annotations.Coordinator;
                import io.tasklet.annotations.Tasklet;
                import io.tasklet.runtime.CoordinatorContext;
                import io.tasklet.runtime.TaskletContext;

                public final class Jobs {
                  private Jobs() {}

                  @Coordinator(workers = 3, maxInputBytes = 100, maxOutputBytes = 10)
                  static void run(CoordinatorContext<Total, Mixed> ctx) {}

                  @Tasklet(maxInputBytes = 1000)
                  static void alone(TaskletContext<Total> ctx) {}
                }
                """));
  }

  private static JsonObject report(String name) {
    JavaFileObject file =
        compiled
            .compilation()
            .generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/tasklet/" + name)
            .orElseThrow(() -> new AssertionError("no report " + name));
    try {
      return JsonParser.parseString(file.getCharContent(true).toString()).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(JsonObject object, String key) {
    JsonElement value = object.get(key);
    assertWithMessage("field %s of %s", key, object).that(value).isNotNull();
    return value.getAsLong();
  }

  /** A gap in a struct layout, or a hole in a report: where it starts and how long it is. */
  private record Gap(long offset, long bytes) {}

  @ParameterizedTest
  @ValueSource(strings = {"Pair", "Outer.Inner", "Mixed", "Total", "Line", "Empty"})
  void aRecordsReportAgreesWithItsLayoutConstants(String record) {
    String layout = "p." + record.replace('.', '_') + "View";
    JsonObject report = report("p." + record + ".layout.json");
    assertThat(report.get("record").getAsString()).isEqualTo("p." + record);
    assertThat(report.get("layoutClass").getAsString()).isEqualTo(layout);
    long size = (long) compiled.constant(layout, "SIZE");
    assertThat(number(report, "size")).isEqualTo(size);
    assertThat(number(report, "alignment")).isEqualTo(compiled.constant(layout, "ALIGNMENT"));
    assertThat(number(report, "cacheLines")).isEqualTo((size + 63) / 64);
    StructLayout struct = (StructLayout) compiled.constant(layout, "LAYOUT");

    List<String> names = new ArrayList<>();
    for (JsonElement element : report.getAsJsonArray("components")) {
      JsonObject component = element.getAsJsonObject();
      String name = component.get("name").getAsString();
      names.add(name);
      String constant = ComponentModel.constantCase(name);
      long offset = (long) compiled.constant(layout, "OFFSET_" + constant);
      MemoryLayout member = struct.select(PathElement.groupElement(name));
      assertWithMessage("offset of %s", name).that(number(component, "offset")).isEqualTo(offset);
      assertWithMessage("size of %s", name)
          .that(number(component, "size")).isEqualTo(member.byteSize());
      assertWithMessage("alignment of %s", name)
          .that(number(component, "alignment")).isEqualTo(member.byteAlignment());
      long last = offset + member.byteSize() - 1;
      assertWithMessage("cache lines of %s", name)
          .that(List.of(number(component, "firstCacheLine"), number(component, "lastCacheLine")))
          .isEqualTo(List.of(offset / 64, last / 64));
      long length = number(component, "length");
      if (length > 0) {
        assertThat(length).isEqualTo((long) (int) compiled.constant(layout, "LENGTH_" + constant));
        assertThat(number(component, "elementSize")).isEqualTo(struct.select(
            PathElement.groupElement(name), PathElement.sequenceElement()).byteSize());
      } else {
        assertThat(number(component, "elementSize")).isEqualTo(member.byteSize());
      }
      String type = component.get("type").getAsString();
      switch (component.get("kind").getAsString()) {
        case "enum" -> {
          assertThat(compiled.load(type).isEnum()).isTrue();
          assertThat(component.get("storage").getAsString())
              .isEqualTo(number(component, "elementSize") == 1 ? "byte" : "short");
        }
        case "record" -> {
          String nested = report(type + ".layout.json").get("layoutClass").getAsString();
          assertThat(number(component, "elementSize"))
              .isEqualTo(compiled.constant(nested, "SIZE"));
        }
        case "primitive" -> {
          MemoryLayout value =
              member instanceof SequenceLayout sequence ? sequence.elementLayout() : member;
          assertThat(type).isEqualTo(((ValueLayout) value).carrier().getName());
        }
        default -> throw new AssertionError("unknown kind in " + component);
      }
    }

    List<String> members = new ArrayList<>();
    List<Gap> padding = new ArrayList<>();
    long offset = 0;
    for (MemoryLayout member : struct.memberLayouts()) {
      if (member instanceof PaddingLayout) {
        padding.add(new Gap(offset, member.byteSize()));
      } else {
        members.add(member.name().orElseThrow());
      }
      offset += member.byteSize();
    }
    assertThat(names).isEqualTo(members);
    List<Gap> holes = new ArrayList<>();
    for (JsonElement element : report.getAsJsonArray("holes")) {
      JsonObject hole = element.getAsJsonObject();
      holes.add(new Gap(number(hole, "offset"), number(hole, "bytes")));
    }
    long tail = number(report, "tailPaddingBytes");
    if (tail > 0) {
      holes.add(new Gap(size - tail, tail));
    }
    assertThat(holes).isEqualTo(padding);
    assertThat(number(report, "holeBytes") + tail)
        .isEqualTo(padding.stream().mapToLong(Gap::bytes).sum());
  }

  @Test
  void theMixedRecordHasHolesNestedRecordsEnumsAndSpansCacheLines() {
    JsonObject report = report("p.Mixed.layout.json");
    assertThat(report.getAsJsonArray("holes")).isNotEmpty();
    assertThat(number(report, "cacheLines")).isGreaterThan(1L);
    JsonArray components = report.getAsJsonArray("components");
    List<String> kinds = new ArrayList<>();
    components.forEach(c -> kinds.add(c.getAsJsonObject().get("kind").getAsString()));
    assertThat(kinds).containsAtLeast("primitive", "enum", "record");
    JsonObject inner = components.get(8).getAsJsonObject();
    assertThat(inner.get("type").getAsString()).isEqualTo("p.Outer.Inner");
  }

  @Test
  void aCoordinatorsReportIsItsLaunchersPlanAtTheDeclaredWorkers() {
    JsonObject report = report("p.JobsRunTasklet.plan.json");
    assertThat(report.get("kind").getAsString()).isEqualTo("coordinator");
    assertThat(report.get("tasklet").getAsString()).isEqualTo("Jobs.run");
    assertThat(report.get("shared").getAsString()).isEqualTo("p.Total");
    assertThat(report.get("scratch").getAsString()).isEqualTo("p.Mixed");
    CoordinatorDeclaration<?, ?> declaration =
        (CoordinatorDeclaration<?, ?>) compiled.constant("p.JobsRunTasklet", "DECLARATION");
    assertThat(number(report, "workers")).isEqualTo(declaration.workers());
    LinearMemoryPlan plan = declaration.plan(declaration.workers());
    assertPlan(report.getAsJsonObject("plan"), plan);
  }

  @Test
  void aTaskletsReportHasItsPlanWithoutLanes() {
    JsonObject report = report("p.JobsAloneTasklet.plan.json");
    assertThat(report.get("kind").getAsString()).isEqualTo("tasklet");
    assertThat(report.has("scratch")).isFalse();
    LinearMemoryPlan plan =
        ((TaskletDeclaration<?>) compiled.constant("p.JobsAloneTasklet", "DECLARATION")).plan();
    assertPlan(report.getAsJsonObject("plan"), plan);
  }

  private static void assertPlan(JsonObject json, LinearMemoryPlan plan) {
    assertThat(number(json, "workers")).isEqualTo(plan.workers());
    List<List<Long>> regions = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("regions")) {
      JsonObject region = element.getAsJsonObject();
      regions.add(List.of(number(region, "offset"), number(region, "bytes")));
    }
    assertThat(regions).isEqualTo(List.of(
        List.of(plan.sharedOffset(), plan.sharedBytes()),
        List.of(plan.inputOffset(), plan.inputBytes()),
        List.of(plan.outputOffset(), plan.outputBytes())));
    JsonObject scratch = json.getAsJsonObject("scratch");
    assertThat(List.of(number(scratch, "offset"), number(scratch, "bytes"),
            number(scratch, "stride"), number(scratch, "lanes")))
        .isEqualTo(List.of(plan.firstScratchOffset(), plan.scratchBytes(), plan.scratchStride(),
            (long) plan.workers()));
    assertThat(number(json, "alignmentBytes")).isEqualTo(plan.alignmentBytes());
    assertThat(number(json, "totalBytes")).isEqualTo(plan.totalBytes());
    assertThat(json.get("fits").getAsBoolean()).isTrue();
  }
}
