package io.tasklet.processor.write;

import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.runtime.Views;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the layout members of a record's class: its size, alignment and offsets as constants,
 * and the same layout as a {@code java.lang.foreign} {@link StructLayout}. Each component's
 * placement is documented once, on its offset.
 */
final class LayoutWriter {
  /**
   * The most characters of member declarations in one string literal: with its indent of 10, the
   * {@code +} before it, its quotes and the {@code );} after the last, a line of 100.
   */
  private static final int LITERAL_WIDTH = 84;

  private LayoutWriter() {}

  /**
   * Writes the layout constants of {@code model} into {@code source}, in two groups: the size,
   * alignment and placements as numbers, then {@code LAYOUT}.
   */
  static void writeTo(JavaSource source, RecordModel model) {
    source.member();
    constant(source, "long", "SIZE", model.size() + "L", "Size in bytes.");
    constant(source, "long", "ALIGNMENT", model.alignment() + "L", "Alignment in bytes.");
    for (ComponentModel component : model.components()) {
      constant(source, "long", GeneratedNames.offset(component), component.offset() + "L",
          "{@code " + component.name() + "}: " + GeneratedTypes.placement(component) + ".");
      if (component.isArray()) {
        constant(source, "int", GeneratedNames.length(component),
            String.valueOf(component.length()),
            "Elements of {@code " + component.name() + "}.");
      }
    }
    String structLayout = source.name(StructLayout.class);
    source.member()
        .javadoc("The layout as a {@link " + structLayout + "}, in native byte order, with explicit"
            + " padding.");
    List<String> lines = structLayout(source, model);
    source.line("public static final " + structLayout + " LAYOUT = " + lines.getFirst());
    for (String line : lines.subList(1, lines.size())) {
      source.line("    " + line);
    }
  }

  private static void constant(
      JavaSource source, String type, String name, String value, String javadoc) {
    source.javadoc(javadoc).line("public static final " + type + " " + name + " = " + value + ";");
  }

  /**
   * The initialiser of {@code LAYOUT}, a line at a time, the first without indent: one call of
   * {@link Views#struct} with the members declared in its notation, broken into string literals
   * that fit the line, and the layouts of nested records after them.
   */
  private static List<String> structLayout(JavaSource source, RecordModel model) {
    List<String> members = new ArrayList<>();
    List<String> nested = new ArrayList<>();
    long end = 0;
    for (ComponentModel component : model.components()) {
      if (component.offset() > end) {
        members.add("pad " + (component.offset() - end));
      }
      String type = switch (component.type()) {
        case Primitive primitive -> primitive.javaName();
        case EnumType enumType -> enumType.storage().javaName();
        case RecordType recordType -> {
          nested.add(source.name(GeneratedTypes.view(recordType.model())) + ".LAYOUT");
          yield "struct " + recordType.model().displayName();
        }
      };
      members.add(type + " " + component.name()
          + (component.isArray() ? "[" + component.length() + "]" : ""));
      end = component.offset() + component.size();
    }
    if (model.size() > end) {
      members.add("pad " + (model.size() - end));
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        source.name(Views.class) + ".struct(" + JavaSource.literal(model.displayName()) + ",");
    String rest = String.join("; ", members);
    String before = "";
    while (rest.length() > LITERAL_WIDTH) {
      int cut = rest.lastIndexOf("; ", LITERAL_WIDTH - 2) + 2; // after a member, if one fits
      if (cut < 2) {
        cut = rest.lastIndexOf(' ', LITERAL_WIDTH - 1) + 1; // else between its words
      }
      if (cut < 1) {
        break;
      }
      lines.add(before + JavaSource.literal(rest.substring(0, cut)));
      rest = rest.substring(cut);
      before = "    + "; // Google Java Style breaks before the operator, indented +4
    }
    lines.add(before + JavaSource.literal(rest));
    for (String layout : nested) {
      lines.set(lines.size() - 1, lines.getLast() + ",");
      lines.add(layout);
    }
    String last = lines.getLast() + ")";
    if (model.raisedToWord()) {
      lines.set(lines.size() - 1, last);
      lines.add(".withByteAlignment(" + model.alignment() + "L);");
    } else {
      lines.set(lines.size() - 1, last + ";");
    }
    return lines;
  }
}
