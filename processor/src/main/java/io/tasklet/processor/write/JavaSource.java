package io.tasklet.processor.write;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;

/**
 * The text of one generated source file, laid out as Google Java Style lays out code: two-space
 * indents, members apart by a blank line (the writers group related fields without one), Javadoc
 * on one line where it has no block tags and fits in 100 columns, wrapped at 100 otherwise.
 *
 * <p>A writer asks {@link #name} for every class it names. The file imports the class and names
 * it by its simple name, unless another class the file names already took that simple name: then
 * it names the class by its canonical name. Classes of {@code java.lang} are imported too, so that
 * a user's class named {@code String} or {@code Override} in the file's package cannot stand in
 * for the one meant. The writer names the user's classes first ({@link #JavaSource}), so that
 * they keep their simple names, which are the only names a class of the unnamed package has.
 */
final class JavaSource {
  private static final int WIDTH = 100;
  private static final String INDENT = "  ";
  private static final String CONTINUATION = "    ";

  private final JavaName type;
  private final Element origin;
  /** For each simple name taken in the file, the top-level class it names. */
  private final Map<String, String> simpleNames = new HashMap<>();
  private final Set<String> imports = new TreeSet<>();
  /**
   * The first name of each class name the file wrote: a simple name, or a package's first name.
   * A local variable of that name would obscure the class where code qualifies with it.
   */
  private final Set<String> leadingNames = new HashSet<>();
  private final StringBuilder body = new StringBuilder();
  private String indent = "";
  /** Whether a member may start here without a blank line: after an opening brace or one. */
  private boolean opened = true;

  /**
   * A file for the top-level class {@code type}, generated for {@code origin}, which names the
   * classes {@code userClasses} by their simple names.
   */
  JavaSource(JavaName type, Element origin, JavaName... userClasses) {
    this.type = type;
    this.origin = origin;
    name(type);
    for (JavaName userClass : userClasses) {
      name(userClass);
    }
  }

  /** How this file names {@code name}: its nested name where it can, else its canonical name. */
  String name(JavaName name) {
    String topLevel = name.topLevel();
    String taken = simpleNames.putIfAbsent(name.simpleNames().getFirst(), topLevel);
    if (taken == null && !name.packageName().equals(type.packageName())) {
      imports.add(topLevel);
    }
    String written =
        taken == null || taken.equals(topLevel) ? name.nestedName() : name.canonicalName();
    int dot = written.indexOf('.');
    leadingNames.add(dot < 0 ? written : written.substring(0, dot));
    return written;
  }

  /**
   * A name for a local variable or a lambda's parameter: {@code name}, with {@code _} added until
   * it is none of {@code taken}, which it joins, and obscures no class name the file wrote so far.
   * A writer names the classes that the variable's scope qualifies with before it asks.
   */
  String local(String name, Set<String> taken) {
    while (leadingNames.contains(name) || !taken.add(name)) {
      name += "_";
    }
    return name;
  }

  /** How this file names {@code type}. */
  String name(Class<?> type) {
    return name(JavaName.of(type));
  }

  /** A blank line, unless this is the first member of a block. */
  JavaSource member() {
    if (!opened) {
      body.append('\n');
    }
    opened = true;
    return this;
  }

  /**
   * Javadoc: {@code text}, a paragraph, then the block tags {@code tags} ({@code @param x the
   * x}); on one line when there are no tags and the text fits.
   */
  JavaSource javadoc(String text, String... tags) {
    if (tags.length == 0 && indent.length() + text.length() + 7 <= WIDTH) {
      return text(indent + "/** " + text + " */");
    }
    text(indent + "/**");
    wrap(text);
    for (String tag : tags) {
      wrap(tag);
    }
    return text(indent + " */");
  }

  /** {@code text} as lines of Javadoc, broken between words before column 100. */
  private void wrap(String text) {
    int room = WIDTH - indent.length() - 3;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > room) {
        text(indent + " * " + line);
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    text(indent + " * " + line);
  }

  /**
   * One statement or declaration at the current indent, or a continuation of one when {@code
   * code} starts with spaces; an empty line for none. Past column 100 it is broken after a comma
   * or an assignment's {@code =}, else after an opening parenthesis (never inside a string
   * literal), as late as fits, and goes on 4 columns further in than it started.
   */
  JavaSource line(String code) {
    String rest = code;
    String at = indent;
    String further = indent + code.substring(0, code.length() - code.stripLeading().length())
        + CONTINUATION;
    while (at.length() + rest.length() > WIDTH) {
      int cut = breakBefore(rest, WIDTH - at.length());
      if (cut < 0) {
        break;
      }
      text(at + rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut);
      at = further;
    }
    return text(rest.isEmpty() ? "" : at + rest);
  }

  /**
   * Where to break {@code code} so that its first line holds at most {@code room} characters: just
   * after the last {@code ", "} or {@code " = "} outside string literals that fits, else after
   * the last {@code (} that fits, else (a name too long for the line) at the first of them, so
   * that the line passes the column by as little as it can; -1 if {@code code} has none.
   */
  private static int breakBefore(String code, int room) {
    int afterComma = -1;
    int afterParenthesis = -1;
    boolean quoted = false;
    for (int i = 0; i < code.length() - 1; i++) {
      char c = code.charAt(i);
      char next = code.charAt(i + 1);
      boolean comma = false;
      boolean parenthesis = false;
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else {
        comma = (c == ',' || c == '=' && i > 0 && code.charAt(i - 1) == ' ') && next == ' ';
        parenthesis = c == '(' && next != ')';
      }
      if (!comma && !parenthesis) {
        continue;
      }
      int cut = comma ? i + 2 : i + 1;
      if (i >= room) { // the first break past the column: an earlier one that fits, else this
        return afterComma >= 0 ? afterComma : afterParenthesis >= 0 ? afterParenthesis : cut;
      }
      if (comma) {
        afterComma = cut;
      } else {
        afterParenthesis = cut;
      }
    }
    return afterComma >= 0 ? afterComma : afterParenthesis;
  }

  /** {@code line} as it is, and a line break. */
  private JavaSource text(String line) {
    body.append(line).append('\n');
    opened = false;
    return this;
  }

  /** {@code code} and an opening brace; what follows goes one level in. */
  JavaSource open(String code) {
    line(code + " {");
    indent += INDENT;
    opened = true;
    return this;
  }

  /** The closing brace of the innermost open block. */
  JavaSource close() {
    indent = indent.substring(INDENT.length());
    return line("}");
  }

  /** The file, written. */
  GeneratedSource source() {
    StringBuilder text = new StringBuilder();
    if (!type.packageName().isEmpty()) {
      text.append("package ").append(type.packageName()).append(";\n\n");
    }
    for (String name : imports) {
      text.append("import ").append(name).append(";\n");
    }
    if (!imports.isEmpty()) {
      text.append('\n');
    }
    return new GeneratedSource(type, text.append(body).toString(), origin);
  }

  /** {@code value} as a Java string literal. */
  static String literal(String value) {
    StringBuilder literal = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"', '\\' -> literal.append('\\').append(c);
        case '\n' -> literal.append("\\n");
        default -> {
          if (c < ' ') {
            // octal, since javac reads unicode escapes before it reads the literal
            literal.append(String.format("\\%03o", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }
}
