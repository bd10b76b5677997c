package io.tasklet.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as indented JSON. NaN and infinite
 * numbers, which JSON cannot hold, are written as null.
 */
final class Json {
  private static final String INDENT = "  ";

  private Json() {}

  /** {@code value} as a JSON document, ending in a newline. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    switch (value) {
      case null -> out.append("null");
      case String text -> quote(text, out);
      case Double number when number.isNaN() || number.isInfinite() -> out.append("null");
      case Float number when number.isNaN() || number.isInfinite() -> out.append("null");
      case Number number -> out.append(number);
      case Boolean bool -> out.append(bool);
      case Map<?, ?> map -> writeMap(map, out, indent);
      case List<?> list -> writeList(list, out, indent);
      default -> throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeMap(Map<?, ?> map, StringBuilder out, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + INDENT;
    out.append("{\n");
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(",\n");
      }
      first = false;
      out.append(inner);
      quote(String.valueOf(entry.getKey()), out);
      out.append(": ");
      write(entry.getValue(), out, inner);
    }
    out.append('\n').append(indent).append('}');
  }

  private static void writeList(List<?> list, StringBuilder out, String indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + INDENT;
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(",\n");
      }
      out.append(inner);
      write(list.get(i), out, inner);
    }
    out.append('\n').append(indent).append(']');
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
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
}
