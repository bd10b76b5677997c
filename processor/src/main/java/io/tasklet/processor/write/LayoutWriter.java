package io.tasklet.processor.write;

import static io.tasklet.processor.write.GeneratedTypes.bytes;
import static io.tasklet.processor.write.GeneratedTypes.number;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
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
 * Writes {@code RLayout}: the size, alignment and offsets of a record as constants, and the same
 * layout as a {@code java.lang.foreign} {@link StructLayout}.
 */
public final class LayoutWriter {
  private LayoutWriter() {}

  /** The layout class of {@code model}, with {@code header}. */
  public static JavaFile write(RecordModel model, Header header) {
    ClassName record = GeneratedTypes.record(model);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(GeneratedTypes.layout(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Memory layout of {@link $T}: where each of its components lives in linear"
                    + " memory.\n\n"
                    + "<p>Components are laid out inline in declaration order with C natural"
                    + " alignment: each at a multiple of its own alignment, the record aligned to"
                    + " its most aligned component, its size rounded up to that alignment. These"
                    + " are the offsets a C compiler gives the equivalent struct, so native code"
                    + " can share the memory. Values are in native byte order.\n",
                record);
    header.applyTo(type);
    type.addField(
        constant(
            TypeName.LONG,
            "SIZE",
            CodeBlock.of("$LL", model.size()),
            CodeBlock.of(
                "Size of a {@link $T} in bytes: $L, a multiple of {@link #ALIGNMENT}.\n",
                record,
                number(model.size()))));
    type.addField(
        constant(
            TypeName.LONG,
            "ALIGNMENT",
            CodeBlock.of("$LL", model.alignment()),
            CodeBlock.of(
                "Alignment of a {@link $T} in bytes: $L, $L.\n",
                record,
                number(model.alignment()),
                model.alignment() > naturalAlignment(model)
                    ? "so that its narrow values can be updated atomically through the 4-byte"
                        + " word around them (as if declared {@code _Alignas(4)} in C)"
                    : "that of its most aligned component")));
    for (ComponentModel component : model.components()) {
      type.addField(
          constant(
              TypeName.LONG,
              GeneratedNames.offset(component),
              CodeBlock.of("$LL", component.offset()),
              CodeBlock.of(
                  "Offset of {@code $L} in bytes: $L. It is $L.\n",
                  component.name(),
                  number(component.offset()),
                  GeneratedTypes.placement(component))));
      if (component.isArray()) {
        type.addField(
            constant(
                TypeName.INT,
                GeneratedNames.length(component),
                CodeBlock.of("$L", component.length()),
                CodeBlock.of(
                    "Number of elements of {@code $L}: $L.\n",
                    component.name(),
                    number(component.length()))));
        type.addField(
            constant(
                TypeName.LONG,
                GeneratedNames.stride(component),
                CodeBlock.of("$LL", component.stride()),
                CodeBlock.of(
                    "Distance between consecutive elements of {@code $L}, the size of one: $L.\n",
                    component.name(),
                    bytes(component.stride()))));
      }
    }
    type.addField(
        constant(
            TypeName.get(StructLayout.class),
            "LAYOUT",
            structLayout(model),
            CodeBlock.of(
                "The layout of {@link $T} as a {@link $T}: one member per component, named after"
                    + " it, and explicit padding, so that its offsets and size equal the constants"
                    + " above.\n",
                record,
                StructLayout.class)));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    return GeneratedTypes.file(model.packageName(), type.build());
  }

  private static FieldSpec constant(
      TypeName type, String name, CodeBlock initializer, CodeBlock javadoc) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(initializer)
        .addJavadoc(javadoc)
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
  private static long naturalAlignment(RecordModel model) {
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
          CodeBlock.of("$T.LAYOUT", GeneratedTypes.layout(recordType.model()));
    };
  }
}
