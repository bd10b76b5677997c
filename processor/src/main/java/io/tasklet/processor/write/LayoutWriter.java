package io.tasklet.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.processor.model.ValueType;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the layout members of a record's class: its size, alignment and offsets as constants,
 * and the same layout as a {@code java.lang.foreign} {@link StructLayout}. Each component's
 * placement is documented once, on its offset.
 */
final class LayoutWriter {
  private LayoutWriter() {}

  /** Adds the layout constants of {@code model} to {@code type}. */
  static void addTo(TypeSpec.Builder type, RecordModel model) {
    type.addField(
        constant(
            TypeName.LONG,
            "SIZE",
            CodeBlock.of("$LL", model.size()),
            CodeBlock.of("Size in bytes.")));
    type.addField(
        constant(
            TypeName.LONG,
            "ALIGNMENT",
            CodeBlock.of("$LL", model.alignment()),
            CodeBlock.of("Alignment in bytes.")));
    for (ComponentModel component : model.components()) {
      type.addField(
          constant(
              TypeName.LONG,
              GeneratedNames.offset(component),
              CodeBlock.of("$LL", component.offset()),
              CodeBlock.of("{@code $L}: $L.", component.name(), GeneratedTypes.placement(component))));
      if (component.isArray()) {
        type.addField(
            constant(
                TypeName.INT,
                GeneratedNames.length(component),
                CodeBlock.of("$L", component.length()),
                CodeBlock.of("Elements of {@code $L}.", component.name())));
      }
    }
    type.addField(
        constant(
            TypeName.get(StructLayout.class),
            "LAYOUT",
            structLayout(model),
            CodeBlock.of(
                "The layout as a {@link $T}, with explicit padding.",
                StructLayout.class)));
  }

  private static FieldSpec constant(
      TypeName type, String name, CodeBlock initializer, CodeBlock javadoc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(initializer)
        .addJavadoc(javadoc)
        .addJavadoc("\n")
        .build();
  }

  private static CodeBlock structLayout(RecordModel model) {
    List<CodeBlock> members = new ArrayList<>();
    long end = 0;
    for (ComponentModel component : model.components()) {
      if (component.offset() > end) {
        members.add(padding(component.offset() - end));
      }
      CodeBlock element = elementLayout(component.type());
      members.add(
          component.isArray()
              ? CodeBlock.of(
                  "$T.sequenceLayout($L, $L).withName($S)",
                  MemoryLayout.class,
                  component.length(),
                  element,
                  component.name())
              : CodeBlock.of("$L.withName($S)", element, component.name()));
      end = component.offset() + component.size();
    }
    if (model.size() > end) {
      members.add(padding(model.size() - end));
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.structLayout(", MemoryLayout.class);
    if (!members.isEmpty()) {
      code.add("\n$>$>").add(CodeBlock.join(members, ",\n")).add("$<$<");
    }
    code.add(")\n$>$>.withName($S)", model.displayName());
    if (model.alignment() > naturalAlignment(model)) {
      code.add("\n.withByteAlignment($LL)", model.alignment());
    }
    return code.add("$<$<").build();
  }

  /** The alignment C gives the record: that of its most aligned component, 1 for none. */
  static long naturalAlignment(RecordModel model) {
    long natural = 1;
    for (ComponentModel component : model.components()) {
      natural = Math.max(natural, component.alignment());
    }
    return natural;
  }

  private static CodeBlock padding(long bytes) {
    return CodeBlock.of("$T.paddingLayout($LL)", MemoryLayout.class, bytes);
  }

  private static CodeBlock elementLayout(ValueType type) {
    return switch (type) {
      case Primitive primitive -> GeneratedTypes.valueLayout(primitive);
      case EnumType enumType -> GeneratedTypes.valueLayout(enumType.storage());
      case RecordType recordType ->
          CodeBlock.of("$T.LAYOUT", GeneratedTypes.view(recordType.model()));
    };
  }
}
