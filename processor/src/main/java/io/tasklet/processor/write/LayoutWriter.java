package io.tasklet.processor.write;

import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.Layouts;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.processor.model.ValueType;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the layout members of a record's class: its size, alignment and offsets as constants,
 * and the same layout as a {@code java.lang.foreign} {@link StructLayout}. Each component's
 * placement is documented once, on its offset.
 */
final class LayoutWriter {
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

  /** The initialiser of {@code LAYOUT}, a line per member, the first line without indent. */
  private static List<String> structLayout(JavaSource source, RecordModel model) {
    List<String> members = new ArrayList<>();
    long end = 0;
    for (ComponentModel component : model.components()) {
      if (component.offset() > end) {
        members.add(padding(source, component.offset() - end));
      }
      String element = elementLayout(source, component.type());
      String name = ".withName(" + JavaSource.literal(component.name()) + ")";
      members.add(component.isArray()
          ? source.name(MemoryLayout.class) + ".sequenceLayout(" + component.length() + ", "
              + element + ")" + name
          : element + name);
      end = component.offset() + component.size();
    }
    if (model.size() > end) {
      members.add(padding(source, model.size() - end));
    }
    List<String> lines = new ArrayList<>();
    String open = source.name(MemoryLayout.class) + ".structLayout(";
    if (members.isEmpty()) {
      lines.add(open + ")");
    } else {
      lines.add(open);
      for (int i = 0; i < members.size(); i++) {
        lines.add(members.get(i) + (i + 1 < members.size() ? "," : ")"));
      }
    }
    String named = ".withName(" + JavaSource.literal(model.displayName()) + ")";
    if (model.alignment() > Layouts.naturalAlignment(model.components())) {
      lines.add(named);
      lines.add(".withByteAlignment(" + model.alignment() + "L);");
    } else {
      lines.add(named + ";");
    }
    return lines;
  }

  private static String padding(JavaSource source, long bytes) {
    return source.name(MemoryLayout.class) + ".paddingLayout(" + bytes + "L)";
  }

  private static String elementLayout(JavaSource source, ValueType type) {
    return switch (type) {
      case Primitive primitive -> GeneratedTypes.valueLayout(source, primitive);
      case EnumType enumType -> GeneratedTypes.valueLayout(source, enumType.storage());
      case RecordType recordType -> source.name(GeneratedTypes.view(recordType.model())) + ".LAYOUT";
    };
  }
}
