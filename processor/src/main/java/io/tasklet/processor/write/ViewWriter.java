package io.tasklet.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.runtime.BooleanComponent;
import io.tasklet.runtime.ByteComponent;
import io.tasklet.runtime.CharComponent;
import io.tasklet.runtime.DoubleComponent;
import io.tasklet.runtime.EnumComponent;
import io.tasklet.runtime.FloatComponent;
import io.tasklet.runtime.IntComponent;
import io.tasklet.runtime.LongComponent;
import io.tasklet.runtime.RecordView;
import io.tasklet.runtime.ShortComponent;
import io.tasklet.runtime.Views;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code RView}, the one class of a record: its layout (constants and a {@code
 * StructLayout}, by {@link LayoutWriter}) and a flyweight view over a memory segment with one
 * accessor per component, indexed accessors for arrays, views of nested records, {@code read()}
 * and {@code write(R)}.
 *
 * <p>Each primitive or enum component has a descriptor of the runtime ({@link LongComponent} and
 * its kin) in a {@code static final} field, which holds the var handle of the record's layout and
 * the component's name and length; every accessor is one call on it, so the index check's message
 * is written once, in the runtime, and the JIT folds the handle into the access. The descriptors
 * of a {@code @SharedState} record are public: they carry the ordered and atomic operations.
 */
public final class ViewWriter {
  private static final ClassName VIEWS = ClassName.get(Views.class);
  private static final ClassName RECORD_VIEW = ClassName.get(RecordView.class);

  private static final String SEGMENT = "segment";
  private static final String INDEX = "index";
  private static final String VALUE = "value";

  private final RecordModel model;
  private final ClassName record;
  private final ClassName view;
  private final TypeSpec.Builder type;
  /** Names of the class's fields and of the types it names, which locals must not shadow. */
  private final NameAllocator classNames = new NameAllocator();
  private final List<MethodSpec> accessors = new ArrayList<>();

  private ViewWriter(RecordModel model, Header header) {
    this.model = model;
    this.record = GeneratedTypes.record(model);
    this.view = GeneratedTypes.view(model);
    this.type = TypeSpec.recordBuilder(view).addModifiers(Modifier.PUBLIC);
    header.applyTo(type);
    // taken here, so that a local named after a component never reads "yield" or "var"
    for (String reserved : GeneratedNames.RESTRICTED_IDENTIFIERS) {
      classNames.newName(reserved, reserved);
    }
    List<String> reserved = new ArrayList<>(List.of(SEGMENT, "i", VALUE, "SIZE", "ALIGNMENT",
        "LAYOUT", "MemoryLayout", "MemorySegment", "StructLayout", "ValueLayout",
        "Views", record.simpleNames().getFirst(), view.simpleName()));
    for (ComponentModel component : model.components()) {
      reserved.addAll(List.of(GeneratedNames.offset(component), GeneratedNames.length(component),
          GeneratedNames.component(component)));
    }
    for (String name : reserved) {
      classNames.newName(name, name);
    }
  }

  /** The class of {@code model}, with {@code header}. */
  public static JavaFile write(RecordModel model, Header header) {
    return new ViewWriter(model, header).build();
  }

  private JavaFile build() {
    type.addJavadoc(
        "A {@link $T} in linear memory, laid out as C lays out the equivalent struct$L, in"
            + " native byte order: its layout, and a {@link $T} that reads and writes it in"
            + " place$L.\n"
            + "@param segment the memory this view reads and writes\n",
        record,
        model.alignment() > LayoutWriter.naturalAlignment(model)
            ? " aligned to 4 bytes (as if declared {@code _Alignas(4)}), so that its narrow"
                + " values can be updated atomically through the 4-byte word around them"
            : "",
        RECORD_VIEW,
        model.shared()
            ? ", with the ordered and atomic operations of its {@code COMPONENT_} descriptors"
            : "");
    type.addSuperinterface(ParameterizedTypeName.get(RECORD_VIEW, record));
    LayoutWriter.addTo(type, model);
    for (ComponentModel component : model.components()) {
      addAccessors(component);
    }
    type.recordConstructor(
        MethodSpec.compactConstructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A view of the record at the start of {@code segment}, checked as {@link"
                + " #of} checks it.\n")
            .addParameter(MemorySegment.class, SEGMENT)
            .addStatement("$T.checkSegment($N, SIZE, ALIGNMENT, $S)", VIEWS, SEGMENT,
                model.displayName())
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("of")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(view)
            .addParameter(MemorySegment.class, SEGMENT)
            .addJavadoc(
                "{@return a view of the {@link $T} at the start of {@code segment}}\n"
                    + "@param segment at least {@link #SIZE} bytes, aligned to {@link #ALIGNMENT}\n"
                    + "@throws IllegalArgumentException if the segment is smaller or not aligned\n",
                record)
            .addStatement("return new $T($N)", view, SEGMENT)
            .build());
    type.addMethods(accessors);
    type.addMethod(read());
    type.addMethod(write());
    return GeneratedTypes.file(model.packageName(), type.build());
  }

  private void addAccessors(ComponentModel component) {
    switch (component.type()) {
      case Primitive primitive -> addValueAccessors(component, descriptorClass(primitive),
          GeneratedTypes.primitiveType(primitive), CodeBlock.of("$T.of(LAYOUT, $S)",
              descriptorClass(primitive), component.name()));
      case EnumType enumType -> {
        ClassName enumClass = GeneratedTypes.enumClass(enumType);
        addValueAccessors(component,
            ParameterizedTypeName.get(ClassName.get(EnumComponent.class), enumClass), enumClass,
            CodeBlock.of("$T.of(LAYOUT, $S, $T.class)", EnumComponent.class, component.name(),
                enumClass));
      }
      case RecordType recordType -> addRecordAccessors(component, recordType);
    }
  }

  private static ClassName descriptorClass(Primitive primitive) {
    return ClassName.get(switch (primitive) {
      case BOOLEAN -> BooleanComponent.class;
      case BYTE -> ByteComponent.class;
      case SHORT -> ShortComponent.class;
      case CHAR -> CharComponent.class;
      case INT -> IntComponent.class;
      case FLOAT -> FloatComponent.class;
      case LONG -> LongComponent.class;
      case DOUBLE -> DoubleComponent.class;
    });
  }

  /**
   * The descriptor field of a primitive or enum component, and its two accessors, each one call
   * on the descriptor.
   */
  private void addValueAccessors(
      ComponentModel component, TypeName descriptorType, TypeName value, CodeBlock initializer) {
    String field = GeneratedNames.component(component);
    FieldSpec.Builder descriptor = FieldSpec.builder(descriptorType, field, Modifier.STATIC,
        Modifier.FINAL).initializer(initializer);
    if (model.shared()) {
      descriptor.addModifiers(Modifier.PUBLIC).addJavadoc(
          "Reads and writes {@code $L}$L.\n", component.name(),
          component.type() instanceof Primitive primitive && primitive.integral()
              ? ", with its ordered and atomic operations" : "");
    } else {
      descriptor.addModifiers(Modifier.PRIVATE);
    }
    type.addField(descriptor.build());
    CodeBlock index = component.isArray() ? CodeBlock.of(", $N", INDEX) : CodeBlock.of("");
    accessors.add(
        accessor(component, "{@return $L{@code $L}, at {@link #$L}}\n")
            .returns(value)
            .addStatement("return $N.get($N$L)", field, SEGMENT, index)
            .build());
    accessors.add(
        accessor(component, "Writes $L{@code $L}, at {@link #$L}.\n")
            .addParameter(value, VALUE)
            .addJavadoc("@param value the value\n")
            .addStatement("$N.set($N$L, $N)", field, SEGMENT, index, VALUE)
            .build());
  }

  private void addRecordAccessors(ComponentModel component, RecordType recordType) {
    ClassName nestedView = GeneratedTypes.view(recordType.model());
    ClassName nestedRecord = GeneratedTypes.record(recordType.model());
    CodeBlock offset = component.isArray()
        ? CodeBlock.of("$L + $T.SIZE * $T.checkIndex($N, $L, $S, $S)",
            GeneratedNames.offset(component), nestedView, VIEWS, INDEX,
            GeneratedNames.length(component), component.name(), model.displayName())
        : CodeBlock.of("$L", GeneratedNames.offset(component));
    accessors.add(
        accessor(component, "{@return a view of $L{@code $L}, at {@link #$L}}\n")
            .returns(nestedView)
            .addStatement("return $T.of($N.asSlice($L, $T.SIZE))", nestedView, SEGMENT, offset,
                nestedView)
            .build());
    CodeBlock index = component.isArray() ? CodeBlock.of("$N, ", INDEX) : CodeBlock.of("");
    accessors.add(
        accessor(component, "Writes $L{@code $L}, at {@link #$L}.\n")
            .addParameter(nestedRecord, VALUE)
            .addJavadoc("@param value the value\n")
            .addStatement(
                "this.$N($L).write($T.checkNotNull($N, $S, $L$S))",
                component.name(),
                component.isArray() ? CodeBlock.of("$N", INDEX) : CodeBlock.of(""),
                VIEWS,
                VALUE,
                component.name(),
                index,
                model.displayName())
            .build());
  }

  private MethodSpec read() {
    NameAllocator names = classNames.clone();
    String i = names.get("i");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read")
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Override.class)
            .returns(record);
    List<CodeBlock> arguments = new ArrayList<>();
    for (ComponentModel component : model.components()) {
      boolean nested = component.type() instanceof RecordType;
      if (!component.isArray()) {
        arguments.add(CodeBlock.of(nested ? "this.$N().read()" : "this.$N()", component.name()));
      } else if (!nested) {
        arguments.add(CodeBlock.of("$N.toArray($N)", GeneratedNames.component(component),
            SEGMENT));
      } else {
        String local = names.newName(component.name(), component);
        arguments.add(CodeBlock.of("$N", local));
        method
            .addStatement(
                "$T $N = new $T[$L]",
                GeneratedTypes.componentType(component),
                local,
                GeneratedTypes.valueType(component.type()),
                GeneratedNames.length(component))
            .beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, local, i)
            .addStatement("$N[$N] = this.$N($N).read()", local, i, component.name(), i)
            .endControlFlow();
      }
    }
    return method
        .addStatement("return new $T($L)", record, CodeBlock.join(arguments, ", "))
        .build();
  }

  private MethodSpec write() {
    NameAllocator names = classNames.clone();
    String i = names.get("i");
    String value = names.get(VALUE);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("write")
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Override.class)
            .addParameter(record, value)
            .addStatement("$T.checkRecord($N, $S)", VIEWS, value, model.displayName());
    Map<ComponentModel, String> locals = new LinkedHashMap<>();
    for (ComponentModel component : model.components()) {
      boolean checked = component.isArray() || !(component.type() instanceof Primitive);
      if (!checked) {
        continue;
      }
      String local = names.newName(component.name(), component);
      locals.put(component, local);
      method.addStatement(
          "$T $N = $T.$L($N.$N(), $L$S, $S)",
          GeneratedTypes.componentType(component),
          local,
          VIEWS,
          component.isArray() ? "checkLength" : "checkNotNull",
          value,
          component.name(),
          component.isArray()
              ? CodeBlock.of("$L, ", GeneratedNames.length(component))
              : CodeBlock.of(""),
          component.name(),
          model.displayName());
    }
    for (ComponentModel component : model.components()) {
      String local = locals.get(component);
      if (local == null) {
        method.addStatement("this.$N($N.$N())", component.name(), value, component.name());
      } else if (!component.isArray()) {
        method.addStatement("this.$N($N)", component.name(), local);
      } else if (!(component.type() instanceof RecordType)) {
        method.addStatement("$N.copyFrom($N, $N)", GeneratedNames.component(component), SEGMENT,
            local);
      } else {
        method
            .beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, local, i)
            .addStatement("this.$N($N, $N[$N])", component.name(), i, local, i)
            .endControlFlow();
      }
    }
    return method.build();
  }

  /**
   * A public accessor of {@code component}, with {@code int index} first for an array, documented
   * by {@code format}, which takes "element {@code index} of " (or nothing), the component's name
   * and its offset constant.
   */
  private MethodSpec.Builder accessor(ComponentModel component, String format) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(component.name()).addModifiers(Modifier.PUBLIC);
    method.addJavadoc(format, component.isArray() ? "element {@code index} of " : "",
        component.name(), GeneratedNames.offset(component));
    if (component.isArray()) {
      method.addParameter(TypeName.INT, INDEX)
          .addJavadoc("@param index from 0 to {@link #$L}, exclusive\n",
              GeneratedNames.length(component));
    }
    return method;
  }
}
