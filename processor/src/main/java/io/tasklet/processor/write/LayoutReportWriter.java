package io.tasklet.processor.write;

import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.LauncherModel;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.runtime.LinearMemoryPlan;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the layout report: one JSON resource under {@value #DIRECTORY} per record (each
 * component's offset, size and alignment, the padding holes, the total size, and the 64-byte cache
 * lines each component touches) and one per launcher (its memory plan at the declared workers,
 * from {@link LinearMemoryPlan#of}, the function the budget check and the runtime use).
 *
 * <p>The reports are for tools and people, not for the runtime: the samples' {@code layout}
 * command renders them as text in the manner of {@code pahole}. Their fields are stable; a change
 * that removes or redefines one raises {@link #FORMAT}. Cache lines are counted from the start of
 * the record, which is where they start when the record is a launch's shared state or a lane's
 * scratch (every region starts on a cache line).
 */
public final class LayoutReportWriter {
  /** Where the reports live in the class output, and so in a jar. */
  public static final String DIRECTORY = "META-INF/tasklet/";

  /** Version of the reports' format. */
  public static final int FORMAT = 1;

  /** The cache line size the report counts lines in. */
  public static final long CACHE_LINE_BYTES = LinearMemoryPlan.REGION_ALIGNMENT;

  private LayoutReportWriter() {}

  /** Name of the report of {@code model}: {@code META-INF/tasklet/p.Outer.Inner.layout.json}. */
  public static String recordReportName(RecordModel model) {
    return DIRECTORY + qualifiedName(model) + ".layout.json";
  }

  /** Name of the report of {@code model}: {@code META-INF/tasklet/p.OuterRunTasklet.plan.json}. */
  public static String launcherReportName(LauncherModel model) {
    return DIRECTORY + qualified(model.packageName(), model.simpleName()) + ".plan.json";
  }

  /** Writes the report of the record {@code model} through {@code filer}. */
  public static void write(Filer filer, RecordModel model, Element origin) throws IOException {
    write(filer, recordReportName(model), recordReport(model), origin);
  }

  /** Writes the report of the launcher {@code model} through {@code filer}. */
  public static void write(Filer filer, LauncherModel model, Element origin) throws IOException {
    write(filer, launcherReportName(model), launcherReport(model), origin);
  }

  private static void write(Filer filer, String name, String json, Element origin)
      throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name, origin);
    try (Writer out = file.openWriter()) {
      out.write(json);
    }
  }

  /** The JSON report of a record's layout. */
  public static String recordReport(RecordModel model) {
    Json json = new Json();
    json.open("{");
    json.field("format", FORMAT);
    json.field("kind", "record");
    json.field("record", qualifiedName(model));
    json.field("annotation", model.shared() ? "SharedState" : "WorkerScratch");
    json.field("layoutClass", qualified(model.packageName(), model.viewSimpleName()));
    json.field("viewClass", qualified(model.packageName(), model.viewSimpleName()));
    json.field("size", model.size());
    json.field("alignment", model.alignment());
    json.field("cacheLineBytes", CACHE_LINE_BYTES);
    json.field("cacheLines", lines(model.size()));
    json.key("components").open("[");
    List<Hole> holes = new ArrayList<>();
    long end = 0;
    String previous = null;
    for (ComponentModel component : model.components()) {
      if (component.offset() > end) {
        holes.add(new Hole(previous, end, component.offset() - end));
      }
      component(json, component);
      end = component.offset() + component.size();
      previous = component.name();
    }
    json.close("]");
    json.key("holes").open("[");
    long holeBytes = 0;
    for (Hole hole : holes) {
      json.open("{");
      if (hole.after() != null) {
        json.field("after", hole.after());
      }
      json.field("offset", hole.offset());
      json.field("bytes", hole.bytes());
      json.close("}");
      holeBytes += hole.bytes();
    }
    json.close("]");
    json.field("holeBytes", holeBytes);
    json.field("tailPaddingBytes", model.size() - end);
    json.close("}");
    return json.toString();
  }

  /** A gap between two components, or before the first. */
  private record Hole(String after, long offset, long bytes) {}

  private static void component(Json json, ComponentModel component) {
    json.open("{");
    json.field("name", component.name());
    switch (component.type()) {
      case Primitive primitive -> {
        json.field("kind", "primitive");
        json.field("type", primitive.javaName());
      }
      case EnumType enumType -> {
        json.field("kind", "enum");
        json.field("type", qualified(enumType.packageName(), enumType.javaName()));
        json.field("storage", enumType.storage().javaName());
      }
      case RecordType recordType -> {
        json.field("kind", "record");
        json.field("type", qualifiedName(recordType.model()));
      }
    }
    json.field("length", component.length());
    json.field("offset", component.offset());
    json.field("size", component.size());
    json.field("alignment", component.alignment());
    json.field("elementSize", component.stride());
    long lastByte = component.offset() + Math.max(component.size(), 1) - 1;
    json.field("firstCacheLine", component.offset() / CACHE_LINE_BYTES);
    json.field("lastCacheLine", lastByte / CACHE_LINE_BYTES);
    json.close("}");
  }

  /** The JSON report of a launcher: its declaration and its memory plan at the declared workers. */
  public static String launcherReport(LauncherModel model) {
    LinearMemoryPlan plan = model.worstCasePlan(model.workers());
    Json json = new Json();
    json.open("{");
    json.field("format", FORMAT);
    json.field("kind", model.laned() ? "coordinator" : "tasklet");
    json.field("tasklet", model.taskletName());
    json.field("launcherClass", qualified(model.packageName(), model.simpleName()));
    json.field("workers", model.workers());
    json.field("shared", qualifiedName(model.shared()));
    if (model.scratch().isPresent()) {
      json.field("scratch", qualifiedName(model.scratch().get()));
    }
    json.field("maxInputBytes", model.maxInputBytes());
    json.field("maxOutputBytes", model.maxOutputBytes());
    json.field("maxLinearMemory", model.maxLinearMemory());
    json.field("maxFuel", model.maxFuel());
    json.key("plan").open("{");
    json.field("workers", plan.workers());
    json.field("regionAlignment", LinearMemoryPlan.REGION_ALIGNMENT);
    json.key("regions").open("[");
    region(json, "shared", plan.sharedOffset(), plan.sharedBytes());
    region(json, "input", plan.inputOffset(), plan.inputBytes());
    region(json, "output", plan.outputOffset(), plan.outputBytes());
    json.close("]");
    json.key("scratch").open("{");
    json.field("offset", plan.firstScratchOffset());
    json.field("bytes", plan.scratchBytes());
    json.field("stride", plan.scratchStride());
    json.field("lanes", plan.workers());
    json.close("}");
    json.field("alignmentBytes", plan.alignmentBytes());
    json.field("totalBytes", plan.totalBytes());
    json.field("fits", plan.fits(model.maxLinearMemory()));
    json.close("}");
    json.close("}");
    return json.toString();
  }

  private static void region(Json json, String name, long offset, long bytes) {
    json.open("{");
    json.field("name", name);
    json.field("offset", offset);
    json.field("bytes", bytes);
    json.close("}");
  }

  private static long lines(long bytes) {
    return (bytes + CACHE_LINE_BYTES - 1) / CACHE_LINE_BYTES;
  }

  private static String qualifiedName(RecordModel model) {
    return qualified(model.packageName(), model.displayName());
  }

  private static String qualified(String packageName, String name) {
    return packageName.isEmpty() ? name : packageName + "." + name;
  }

  /**
   * Just enough JSON for the reports: objects and arrays two spaces deep, strings, numbers and
   * booleans, keys in the order written so that the output is the same for the same input.
   */
  private static final class Json {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterKey;

    Json open(String bracket) {
      separate();
      out.append(bracket);
      depth++;
      first = true;
      return this;
    }

    void close(String bracket) {
      depth--;
      if (!first) {
        newline();
      }
      out.append(bracket);
      first = false;
    }

    Json key(String name) {
      separate();
      quote(name);
      out.append(": ");
      afterKey = true;
      return this;
    }

    void field(String name, String value) {
      key(name);
      separate();
      quote(value);
    }

    void field(String name, long value) {
      key(name);
      separate();
      out.append(value);
    }

    void field(String name, boolean value) {
      key(name);
      separate();
      out.append(value);
    }

    private void separate() {
      if (afterKey) {
        afterKey = false;
        return;
      }
      if (depth > 0) {
        out.append(first ? "" : ",");
        newline();
      }
      first = false;
    }

    private void newline() {
      out.append('\n').append("  ".repeat(depth));
    }

    private void quote(String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }

    @Override
    public String toString() {
      return out + "\n";
    }
  }
}
