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

  @Test
  void argumentsWrapAfterACommaBeforeColumnOneHundred() {
    JavaSource source = new JavaSource(VIEW, null);
    List<String> arguments = Collections.nCopies(20, "argument");
    source.wrapped("call(", arguments, ");", 4);
    List<String> lines = source.source().text().lines().skip(2).toList();
    assertThat(lines.getFirst()).startsWith("call(argument, argument,");
    assertThat(lines.get(1)).startsWith("    argument,");
    assertThat(lines.getLast()).endsWith("argument);");
    assertThat(String.join(" ", lines).replaceAll(" +", " ").split("argument").length - 1)
        .isEqualTo(20);
    for (String line : lines) {
      assertThat(line.length()).isAtMost(100);
    }
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
