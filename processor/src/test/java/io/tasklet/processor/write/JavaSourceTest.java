package io.tasklet.processor.write;

import static com.google.common.truth.Truth.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaSourceTest {
  private static final JavaName VIEW = JavaName.of("com.example", "StringView");

  @Test
  void importsEachClassOnceAndQualifiesOneWhoseSimpleNameIsTaken() {
    JavaSource source = new JavaSource(VIEW, null, JavaName.of("com.example", "String"));
    assertThat(source.name(JavaName.of("com.example", "String"))).isEqualTo("String");
    assertThat(source.name(String.class)).isEqualTo("java.lang.String");
    assertThat(source.name(Override.class)).isEqualTo("Override");
    assertThat(source.name(Override.class)).isEqualTo("Override");
    assertThat(source.name(new JavaName("com.other", List.of("Outer", "Inner"))))
        .isEqualTo("Outer.Inner");
    assertThat(source.name(JavaName.of("com.third", "Outer"))).isEqualTo("com.third.Outer");
    assertThat(source.name(VIEW)).isEqualTo("StringView");
    assertThat(source.source().text())
        .isEqualTo("package com.example;\n\nimport com.other.Outer;\nimport java.lang.Override;\n\n");
  }

  @Test
  void theUnnamedPackageHasNoPackageLineAndItsClassesNoImport() {
    JavaSource source = new JavaSource(JavaName.of("", "View"), null, JavaName.of("", "Point"));
    assertThat(source.name(JavaName.of("", "Point"))).isEqualTo("Point");
    source.open("final class View").close();
    assertThat(source.source().text()).isEqualTo("final class View {\n}\n");
  }

  @Test
  void javadocOnOneLineWhereItFitsAndWrappedAtOneHundredColumnsOtherwise() {
    JavaSource source = new JavaSource(VIEW, null);
    String words = "word ".repeat(30).trim();
    source.open("class StringView")
        .member().javadoc("Short.").line("int a;")
        .member().javadoc(words, "@param x the x").line("void f(int x) {}")
        .close();
    String text = source.source().text();
    assertThat(text).contains("\n  /** Short. */\n  int a;\n\n  /**\n   * word word");
    assertThat(text).contains("\n   * @param x the x\n   */\n  void f(int x) {}\n}\n");
    for (String line : text.split("\n")) {
      assertThat(line.length()).isAtMost(100);
    }
    assertThat(text.split("word", -1).length - 1).isEqualTo(30);
  }

  private static List<String> lines(JavaSource source) {
    return source.source().text().lines().skip(2).toList(); // after the package line
  }

  @Test
  void codeWrapsAfterACommaBeforeColumnOneHundredAndGoesOnFourColumnsIn() {
    JavaSource source = new JavaSource(VIEW, null);
    source.open("class StringView")
        .line("void f() { call(" + String.join(", ", Collections.nCopies(20, "argument")) + "); }")
        .line("    continued(" + String.join(", ", Collections.nCopies(12, "argument")) + ");")
        .close();
    List<String> lines = lines(source);
    assertThat(lines.get(1)).startsWith("  void f() { call(argument, argument,");
    assertThat(lines.get(2)).startsWith("      argument,");
    assertThat(lines.get(3)).endsWith("argument); }");
    assertThat(lines.get(4)).startsWith("      continued(argument,");
    assertThat(lines.get(5)).isEqualTo("          argument, argument, argument, argument);");
    for (String line : lines) {
      assertThat(line.length()).isAtMost(100);
    }
    assertThat(String.join(" ", lines).split("argument", -1).length - 1).isEqualTo(32);
  }

  @Test
  void aLongAssignmentBreaksAfterItsEqualsSignAndASingleArgumentAfterItsParenthesis() {
    JavaSource source = new JavaSource(VIEW, null);
    String name = "A_CONSTANT_WITH_A_NAME_LONG_ENOUGH_TO_PUSH_ITS_INITIALIZER_PAST_THE_COLUMN";
    source.line("static final Object " + name + " = make(LAYOUT, \"first\");")
        .line("call(" + "x".repeat(60) + ".method(" + "y".repeat(40) + "));")
        .line("if (a == b && c != d && e <= f && g >= h) { call(" + "z".repeat(60) + "); }");
    assertThat(lines(source)).containsExactly(
        "static final Object " + name + " =",
        "    make(LAYOUT, \"first\");",
        "call(" + "x".repeat(60) + ".method(",
        "    " + "y".repeat(40) + "));",
        "if (a == b && c != d && e <= f && g >= h) { call(",
        "    " + "z".repeat(60) + "); }").inOrder();
  }

  @Test
  void neverInsideAStringLiteralAndPastTheColumnOnlyWhereNothingFits() {
    JavaSource source = new JavaSource(VIEW, null);
    String literal = "\"a, b = c, \\\"d, e\\\" (f, g) " + "h".repeat(70) + "\"";
    String tooLong = "T".repeat(101);
    source.line("call(" + literal + ", next);")
        .line(tooLong + " = value, " + tooLong)
        .line("Unbreakable" + "u".repeat(100) + ";");
    assertThat(lines(source)).containsExactly(
        "call(",
        "    " + literal + ",",
        "    next);",
        tooLong + " =",
        "    value,",
        "    " + tooLong,
        "Unbreakable" + "u".repeat(100) + ";").inOrder();
  }

  @Test
  void literalsEscapeWhatAStringLiteralCannotHold() {
    assertThat(JavaSource.literal("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(JavaSource.literal("line\nbreak")).isEqualTo("\"line\\nbreak\"");
    // octal, not a unicode escape, which javac would read before the literal
    assertThat(JavaSource.literal("\u0001")).isEqualTo("\"\\001\"");
    assertThat(JavaSource.literal("Größe")).isEqualTo("\"Größe\"");
  }
}
