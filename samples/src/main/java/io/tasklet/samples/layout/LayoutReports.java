package io.tasklet.samples.layout;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layout reports the processor wrote under {@code META-INF/tasklet/} of a jar or class folder,
 * and their text form: the one place where a report becomes text.
 *
 * <p>A record reads as {@code pahole} shows a C struct: each component with its offset, size,
 * alignment and the 64-byte cache lines it touches, the holes between components, a marker where
 * a new cache line starts, and the totals. A launcher's report reads as its memory plan at the
 * declared workers.
 */
public final class LayoutReports {
  /** Where the processor puts the reports. */
  public static final String DIRECTORY = "META-INF/tasklet";

  private LayoutReports() {}

  /**
   * One report.
   *
   * @param file the report's file name, such as {@code p.Histogram.layout.json}
   * @param fields the report's fields
   */
  public record Report(String file, Map<String, Object> fields) {
    /** Whether {@code name} names this report's record or tasklet, in full or by simple name. */
    public boolean isCalled(String name) {
      for (String key : List.of("record", "tasklet", "launcherClass")) {
        if (fields.get(key) instanceof String full
            && (full.equals(name) || full.endsWith("." + name))) {
          return true;
        }
      }
      return false;
    }

    /** The report as text. */
    public String text() {
      return "record".equals(fields.get("kind")) ? recordText(fields) : planText(fields);
    }
  }

  /** The reports in the jar or class folder {@code Samples} was loaded from, by file name. */
  public static List<Report> ofCodeSource(Class<?> type) throws IOException {
    Path location;
    try {
      location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot find where " + type.getName() + " was loaded from", e);
    }
    if (Files.isDirectory(location)) {
      return read(location.resolve(DIRECTORY));
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return read(jar.getPath(DIRECTORY));
    }
  }

  /** The reports in {@code directory}, by file name; none when it does not exist. */
  public static List<Report> read(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Report> reports = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
          reports.add(new Report(name, fields(Files.readString(file, StandardCharsets.UTF_8))));
        }
      }
    }
    return reports;
  }

  /** The fields of a report's JSON text. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> fields(String json) {
    if (!(Json.parse(json) instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("malformed layout report: not an object");
    }
    return (Map<String, Object>) map;
  }

  private static String recordText(Map<String, Object> report) {
    String record = string(report, "record");
    String simple = record.substring(record.lastIndexOf('.') + 1);
    String packagePrefix = packagePrefix(report);
    long lineBytes = number(report, "cacheLineBytes");
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "/* %s: @%s, laid out by %s */%n", record,
        string(report, "annotation"), string(report, "layoutClass")));
    out.append(String.format(Locale.ROOT, "%-52s/* %6s %6s %5s  %s */%n",
        "struct " + simple + " {", "offset", "size", "align", "cache lines"));
    List<Map<String, Object>> components = objects(report, "components");
    List<Map<String, Object>> holes = objects(report, "holes");
    long line = 0;
    long members = 0;
    for (Map<String, Object> component : components) {
      long offset = number(component, "offset");
      for (Map<String, Object> hole : holes) {
        if (number(hole, "offset") + number(hole, "bytes") == offset) {
          out.append(String.format(Locale.ROOT, "%n    /* XXX %s hole */%n%n",
              bytes(number(hole, "bytes"))));
        }
      }
      long first = number(component, "firstCacheLine");
      if (first > line) {
        line = first;
        long boundary = line * lineBytes;
        String ago = offset > boundary ? " was " + bytes(offset - boundary) + " ago" : "";
        out.append(String.format(Locale.ROOT,
            "    /* --- cacheline %d boundary (%,d bytes)%s --- */%n", line, boundary, ago));
      }
      long last = number(component, "lastCacheLine");
      line = Math.max(line, last);
      long length = number(component, "length");
      String declaration = String.format(Locale.ROOT, "    %-20s %s%s;",
          typeName(component, packagePrefix), string(component, "name"),
          length > 0 ? "[" + length + "]" : "");
      out.append(String.format(Locale.ROOT, "%-52s/* %6d %6d %5d  %s */%n", declaration, offset,
          number(component, "size"), number(component, "alignment"),
          first == last ? Long.toString(first) : first + "-" + last));
      members += number(component, "size");
    }
    long size = number(report, "size");
    long tail = number(report, "tailPaddingBytes");
    out.append(String.format(Locale.ROOT, "%n    /* size: %,d, alignment: %d, cachelines: %d,"
        + " members: %d */%n", size, number(report, "alignment"), number(report, "cacheLines"),
        components.size()));
    out.append(String.format(Locale.ROOT, "    /* sum members: %,d, holes: %d, sum holes: %,d,"
        + " padding: %,d */%n", members, holes.size(), number(report, "holeBytes"), tail));
    if (size % lineBytes != 0) {
      out.append(String.format(Locale.ROOT, "    /* last cacheline: %s */%n",
          bytes(size % lineBytes)));
    }
    return out.append("};").toString();
  }

  private static String typeName(Map<String, Object> component, String packagePrefix) {
    String type = string(component, "type");
    if (type.startsWith(packagePrefix)) {
      type = type.substring(packagePrefix.length());
    }
    return switch (string(component, "kind")) {
      case "enum" -> "enum " + type + ":" + string(component, "storage");
      case "record" -> "struct " + type;
      default -> type;
    };
  }

  private static String planText(Map<String, Object> report) {
    @SuppressWarnings("unchecked")
    Map<String, Object> plan = (Map<String, Object>) report.get("plan");
    long workers = number(plan, "workers");
    String packagePrefix = packagePrefix(report);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "/* %s: @%s, launched by %s */%n",
        string(report, "tasklet"), "coordinator".equals(report.get("kind")) ? "Coordinator"
            : "Tasklet", string(report, "launcherClass")));
    out.append(String.format(Locale.ROOT,
        "memory plan at %s with the largest input (shared %s%s):%n",
        workers == 0 ? "the calling thread" : workers + (workers == 1 ? " lane" : " lanes"),
        strip(string(report, "shared"), packagePrefix),
        report.get("scratch") instanceof String scratch
            ? ", scratch " + strip(scratch, packagePrefix) : ""));
    for (Map<String, Object> region : objects(plan, "regions")) {
      if (number(region, "bytes") > 0) {
        out.append(String.format(Locale.ROOT, "  %-8s @ %,14d  %,d B%n", string(region, "name"),
            number(region, "offset"), number(region, "bytes")));
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> scratch = (Map<String, Object>) plan.get("scratch");
    if (number(scratch, "lanes") > 0 && number(scratch, "bytes") > 0) {
      out.append(String.format(Locale.ROOT, "  %-8s @ %,14d  %d x %,d B (stride %,d B)%n",
          "scratch", number(scratch, "offset"), number(scratch, "lanes"),
          number(scratch, "bytes"), number(scratch, "stride")));
    }
    out.append(String.format(Locale.ROOT, "  %-8s   %14s  %,d B (%,d B alignment) of"
        + " maxLinearMemory %,d B%s", "total", "", number(plan, "totalBytes"),
        number(plan, "alignmentBytes"), number(report, "maxLinearMemory"),
        Boolean.TRUE.equals(plan.get("fits")) ? "" : ": DOES NOT FIT"));
    return out.toString();
  }

  private static String packagePrefix(Map<String, Object> report) {
    String launcherOrLayout = report.get("layoutClass") instanceof String layout
        ? layout : string(report, "launcherClass");
    return launcherOrLayout.substring(0, launcherOrLayout.lastIndexOf('.') + 1);
  }

  private static String strip(String name, String prefix) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  private static String bytes(long count) {
    return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? "byte" : "bytes");
  }

  private static String string(Map<String, Object> object, String key) {
    if (!(object.get(key) instanceof String value)) {
      throw new IllegalArgumentException("malformed layout report: no string " + key);
    }
    return value;
  }

  private static long number(Map<String, Object> object, String key) {
    if (!(object.get(key) instanceof Long value)) {
      throw new IllegalArgumentException("malformed layout report: no number " + key);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Map<String, Object> object, String key) {
    if (!(object.get(key) instanceof List<?> list)) {
      throw new IllegalArgumentException("malformed layout report: no list " + key);
    }
    return (List<Map<String, Object>>) list;
  }
}
