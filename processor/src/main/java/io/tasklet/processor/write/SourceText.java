package io.tasklet.processor.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a generated source as the processor writes it: JavaPoet's, without trailing
 * spaces, with a Javadoc comment of one line on one line (and on the line of its field, if that
 * fits in {@value #MAX_LINE} characters) and one of two lines on two, an empty body as {@code {}},
 * and no blank line between fields, as a person writes a block of constants.
 *
 * <p>One pass over the lines, without regular expressions: it runs on every generated file of
 * every build. Generated text holds no newline inside a literal (JavaPoet escapes them), so these
 * line-based rewrites cannot change what the code means.
 */
final class SourceText {
  /** The longest line a Javadoc comment and its field are joined into. */
  static final int MAX_LINE = 100;

  private SourceText() {}

  static String compact(String source) {
    List<String> lines = new ArrayList<>();
    for (String line : source.split("\n", -1)) {
      lines.add(line.stripTrailing());
    }
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      if (line.equals(indent + "/**")) {
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).equals(indent + " */")) {
          end++;
        }
        int body = end - i - 1;
        if (end < lines.size() && (body == 1 || body == 2) && text(lines, i + 1, indent) != null
            && (body == 1 || text(lines, i + 2, indent) != null)) {
          out.add(indent + "/** " + text(lines, i + 1, indent)
              + (body == 1 ? " */" : ""));
          if (body == 2) {
            out.add(indent + " * " + text(lines, i + 2, indent) + " */");
          }
          i = end;
          continue;
        }
      }
      if (line.endsWith(") {") && i + 1 < lines.size() && lines.get(i + 1).equals(indent + "}")) {
        out.add(line + "}");
        i++;
        continue;
      }
      if (line.isEmpty() && !out.isEmpty() && endsField(out.getLast())
          && i + 1 < lines.size() && startsField(lines, i + 1)) {
        continue;
      }
      if (isField(line) && !out.isEmpty() && isOneLineJavadoc(out.getLast())
          && out.getLast().length() + 1 + line.strip().length() <= MAX_LINE) {
        out.set(out.size() - 1, out.getLast() + " " + line.strip());
        continue;
      }
      out.add(line);
    }
    return String.join("\n", out);
  }

  /** The text of Javadoc line {@code index}, or null if it is not {@code indent * text}. */
  private static String text(List<String> lines, int index, String indent) {
    String line = lines.get(index);
    String prefix = indent + " * ";
    return line.startsWith(prefix) && line.length() > prefix.length()
        ? line.substring(prefix.length()) : null;
  }

  private static boolean isField(String line) {
    String member = line.startsWith("  ") && !line.startsWith("   ") ? line.substring(2) : "";
    for (String modifier : List.of("public ", "private ")) {
      if (member.startsWith(modifier)) {
        member = member.substring(modifier.length());
      }
    }
    if (member.startsWith("static ")) {
      member = member.substring("static ".length());
    }
    return member.startsWith("final ");
  }

  private static boolean isOneLineJavadoc(String line) {
    return line.startsWith("  /** ") && line.endsWith(" */") && !line.startsWith("   ");
  }

  /** Whether {@code line} ends a field: one of a single line, or the last of a layout's. */
  private static boolean endsField(String line) {
    return line.endsWith(";")
        && (isField(line) || line.startsWith("      .with") || isFieldAfterJavadoc(line));
  }

  private static boolean isFieldAfterJavadoc(String line) {
    int end = line.indexOf(" */ ");
    return isOneLineJavadoc(line.substring(0, Math.max(end + 3, 0)))
        && isField("  " + line.substring(end + 4));
  }

  /** Whether a field starts at line {@code index}: directly, or after a Javadoc of one line. */
  private static boolean startsField(List<String> lines, int index) {
    String line = lines.get(index);
    if (isField(line)) {
      return true;
    }
    if (line.equals("  /**") && index + 3 < lines.size() && lines.get(index + 2).equals("   */")) {
      return isField(lines.get(index + 3));
    }
    return false;
  }
}
