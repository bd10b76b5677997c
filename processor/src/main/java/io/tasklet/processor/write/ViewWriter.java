package io.tasklet.processor.write;

import static io.tasklet.processor.write.GeneratedTypes.number;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.runtime.Views;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code RView}: a flyweight over a memory segment with one accessor per component,
 * indexed accessors for arrays, views of nested records, {@code read()} and {@code write(R)}, and
 * on {@code @SharedState} records the ordered and atomic operations lanes cooperate with.
 *
 * <p>Every accessor of a primitive or enum component goes through a var handle of the record's
 * {@code StructLayout}, at base offset 0 and, for an array, with the element index as a
 * coordinate that the handle checks (the view renames its exception after the component). The
 * handle's bounds check covers the whole record whatever the index, so in a loop the JIT checks
 * once, and a sequential loop costs what one over a Java array does.
 */
public final class ViewWriter {
  private static final ClassName VIEWS = ClassName.get(Views.class);

  private static final ClassName PATH_ELEMENT =
      ClassName.get(MemoryLayout.PathElement.class);

  private static final String SEGMENT = "segment";
  private static final String RECORD_NAME = "RECORD_NAME";
  private static final String INDEX = "index";
  private static final String VALUE = "value";
  private static final String OFFSET = "offset";

  private final RecordModel model;
  private final ClassName record;
  private final ClassName layout;
  private final ClassName view;
  private final TypeSpec.Builder type;
  /** Names of the class's fields and of the types it names, which locals must not shadow. */
  private final NameAllocator classNames = new NameAllocator();
  /** The var handle field of each primitive or enum component, in declaration order. */
  private final Map<ComponentModel, String> handles = new LinkedHashMap<>();
  private final Map<EnumType, String> enumConstants = new LinkedHashMap<>();
  private final List<MethodSpec> accessors = new ArrayList<>();

  private ViewWriter(RecordModel model, Header header) {
    this.model = model;
    this.record = GeneratedTypes.record(model);
    this.layout = GeneratedTypes.layout(model);
    this.view = GeneratedTypes.view(model);
    this.type = TypeSpec.classBuilder(view).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    header.applyTo(type);
    // taken here, so that a local named after a component never reads "yield" or "var"
    for (String reserved : GeneratedNames.RESTRICTED_IDENTIFIERS) {
      classNames.newName(reserved, reserved);
    }
    for (String reserved :
        List.of(
            SEGMENT,
            RECORD_NAME,
            "i",
            VALUE,
            "ValueLayout",
            "MemoryLayout",
            "MemorySegment",
            "VarHandle",
            "Objects",
            "Views",
            "Byte",
            "Short",
            record.simpleNames().getFirst(),
            layout.simpleName(),
            view.simpleName())) {
      classNames.newName(reserved, reserved);
    }
  }

  /** The view class of {@code model}, with {@code header}. */
  public static JavaFile write(RecordModel model, Header header) {
    return new ViewWriter(model, header).build();
  }

  private JavaFile build() {
    type.addJavadoc(
        "A view of a {@link $T} in linear memory: reads and writes its components in place,"
            + " laid out as {@link $T} says.\n\n"
            + "<p>A view is a flyweight: it holds nothing but its segment, so creating one is"
            + " cheap. It does not synchronize; $L\n",
        record,
        layout,
        model.shared()
            ? "lanes that share it cooperate through the volatile, acquire/release,"
                + " compare-and-set and get-and-add operations on its integral components."
            : "the scratch memory of a lane belongs to that lane alone.");
    for (ComponentModel component : model.components()) {
      addAccessors(component);
    }
    addFields();
    type.addMethod(constructor());
    type.addMethod(of());
    type.addMethod(
        MethodSpec.methodBuilder(SEGMENT)
            .addModifiers(Modifier.PUBLIC)
            .returns(MemorySegment.class)
            .addJavadoc("The memory this view reads and writes, as given to {@link #of}.\n\n")
            .addJavadoc("@return the segment\n")
            .addStatement("return $N", SEGMENT)
            .build());
    for (MethodSpec accessor : accessors) {
      type.addMethod(GeneratedTypes.documented(accessor, ViewWriter::parameterDoc, "the value"));
    }
    type.addMethod(read());
    type.addMethod(write());
    return GeneratedTypes.file(model.packageName(), type.build());
  }

  private static String parameterDoc(String parameter) {
    return switch (parameter) {
      case INDEX -> "the element's index";
      case "expected" -> "the value it must hold";
      case "newValue" -> "the value to set";
      case "delta" -> "the amount to add";
      default -> "the value to store";
    };
  }

  private void addFields() {
    type.addField(
        FieldSpec.builder(String.class, RECORD_NAME, Modifier.PRIVATE, Modifier.STATIC)
            .addModifiers(Modifier.FINAL)
            .initializer("$S", model.displayName())
            .build());
    for (Map.Entry<ComponentModel, String> handle : handles.entrySet()) {
      ComponentModel component = handle.getKey();
      type.addField(
          FieldSpec.builder(VarHandle.class, handle.getValue(), Modifier.PRIVATE, Modifier.STATIC)
              .addModifiers(Modifier.FINAL)
              .initializer(
                  "$T.LAYOUT.varHandle($T.groupElement($S)$L)",
                  layout,
                  PATH_ELEMENT,
                  component.name(),
                  component.isArray()
                      ? CodeBlock.of(", $T.sequenceElement()", PATH_ELEMENT)
                      : CodeBlock.of(""))
              .build());
    }
    for (Map.Entry<EnumType, String> constants : enumConstants.entrySet()) {
      ClassName enumClass = GeneratedTypes.enumClass(constants.getKey());
      type.addField(
          FieldSpec.builder(
                  ArrayTypeName.of(enumClass),
                  constants.getValue(),
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer("$T.values()", enumClass)
              .build());
    }
    type.addField(
        FieldSpec.builder(MemorySegment.class, SEGMENT, Modifier.PRIVATE, Modifier.FINAL).build());
  }

  private MethodSpec constructor() {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(MemorySegment.class, SEGMENT)
        .addStatement("this.$N = $N", SEGMENT, SEGMENT)
        .build();
  }

  private MethodSpec of() {
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(view)
        .addParameter(MemorySegment.class, SEGMENT)
        .addJavadoc(
            "A view of the {@link $T} at the start of {@code segment}.\n\n"
                + "@param segment memory of at least {@link $T#SIZE} ($L) bytes whose address is a"
                + " multiple of {@link $T#ALIGNMENT} ($L)\n"
                + "@return a view over {@code segment}\n"
                + "@throws IllegalArgumentException if the segment is smaller or not aligned\n",
            record,
            layout,
            number(model.size()),
            layout,
            number(model.alignment()))
        .addStatement(
            "return new $T($T.checkSegment($N, $T.SIZE, $T.ALIGNMENT, $N))",
            view,
            VIEWS,
            SEGMENT,
            layout,
            layout,
            RECORD_NAME)
        .build();
  }

  private void addAccessors(ComponentModel component) {
    switch (component.type()) {
      case Primitive primitive -> {
        addPrimitiveAccessors(component, primitive);
        if (model.shared() && primitive.integral()) {
          addAtomics(component, primitive);
        }
      }
      case EnumType enumType -> addEnumAccessors(component, enumType);
      case RecordType recordType -> addRecordAccessors(component, recordType);
    }
  }

  private void addPrimitiveAccessors(ComponentModel component, Primitive primitive) {
    TypeName value = GeneratedTypes.primitiveType(primitive);
    accessors.add(
        accessor(component.name(), component, "Reads")
            .returns(value)
            .addCode(guarded(component, "return ($T) $L", value, access(component, "get")))
            .build());
    accessors.add(
        accessor(component.name(), component, "Writes")
            .addParameter(value, VALUE)
            .addCode(guarded(component, "$L", access(component, "set", CodeBlock.of("$N", VALUE))))
            .build());
  }

  /**
   * A call of access mode {@code mode} on the component's var handle, at base offset 0 of the
   * view's segment and, for an array, at element {@code index}, with {@code arguments}.
   *
   * <p>A var handle of the record's whole layout checks that the segment holds the whole record,
   * which does not depend on the index, so the JIT hoists it out of a loop (an access at a
   * computed offset checks the offset against the segment every time); the handle checks an
   * array index against the array's length, and {@link #guarded} names the component when that
   * fails.
   */
  private CodeBlock access(ComponentModel component, String mode, CodeBlock... arguments) {
    String handle =
        handles.computeIfAbsent(
            component, c -> classNames.newName("HANDLE_" + c.constantName()));
    CodeBlock.Builder call = CodeBlock.builder().add("$N.$L($N, 0L", handle, mode, SEGMENT);
    if (component.isArray()) {
      call.add(", (long) $N", INDEX);
    }
    for (CodeBlock argument : arguments) {
      call.add(", $L", argument);
    }
    return call.add(")").build();
  }

  private void addAtomics(ComponentModel component, Primitive primitive) {
    TypeName value = GeneratedTypes.primitiveType(primitive);
    CodeBlock newValue = CodeBlock.of("$N", VALUE);
    accessors.add(
        accessor(
                GeneratedNames.operation(GeneratedNames.GET_VOLATILE, component.name()),
                component,
                "Reads, with volatile semantics,")
            .returns(value)
            .addCode(
                guarded(
                    component,
                    "return ($T) $L",
                    value,
                    access(component, GeneratedNames.GET_VOLATILE)))
            .build());
    accessors.add(
        accessor(
                GeneratedNames.operation(GeneratedNames.SET_VOLATILE, component.name()),
                component,
                "Writes, with volatile semantics,")
            .addParameter(value, VALUE)
            .addCode(
                guarded(component, "$L", access(component, GeneratedNames.SET_VOLATILE, newValue)))
            .build());
    accessors.add(
        accessor(
                GeneratedNames.operation(GeneratedNames.GET_ACQUIRE, component.name()),
                component,
                "Reads, with acquire semantics,")
            .returns(value)
            .addCode(
                guarded(
                    component,
                    "return ($T) $L",
                    value,
                    access(component, GeneratedNames.GET_ACQUIRE)))
            .build());
    accessors.add(
        accessor(
                GeneratedNames.operation(GeneratedNames.SET_RELEASE, component.name()),
                component,
                "Writes, with release semantics,")
            .addParameter(value, VALUE)
            .addCode(
                guarded(component, "$L", access(component, GeneratedNames.SET_RELEASE, newValue)))
            .build());
    CodeBlock narrow =
        primitive.nativeAtomics()
            ? CodeBlock.of("")
            : CodeBlock.of(
                " It updates the aligned 4-byte word around the value with a compare-and-set"
                    + " loop (see {@link $T}); the record's alignment keeps that word inside it.",
                VIEWS);
    MethodSpec.Builder compareAndSet =
        accessor(
                GeneratedNames.operation(GeneratedNames.COMPARE_AND_SET, component.name()),
                component,
                "Atomically sets to {@code newValue}, if it holds {@code expected},",
                narrow,
                "@return whether the value was set")
            .returns(TypeName.BOOLEAN)
            .addParameter(value, "expected")
            .addParameter(value, "newValue");
    MethodSpec.Builder getAndAdd =
        accessor(
                GeneratedNames.operation(GeneratedNames.GET_AND_ADD, component.name()),
                component,
                "Atomically adds {@code delta}, wrapping around on overflow, to",
                narrow,
                "@return the value before the addition")
            .returns(value)
            .addParameter(value, "delta");
    if (primitive.nativeAtomics()) {
      compareAndSet.addCode(
          guarded(
              component,
              "return $L",
              access(
                  component,
                  GeneratedNames.COMPARE_AND_SET,
                  CodeBlock.of("expected"),
                  CodeBlock.of("newValue"))));
      getAndAdd.addCode(
          guarded(
              component,
              "return ($T) $L",
              value,
              access(component, GeneratedNames.GET_AND_ADD, CodeBlock.of("delta"))));
    } else {
      String suffix = ComponentModel.capitalize(primitive.javaName());
      compareAndSet.addStatement(
          "return $T.compareAndSet$L($N, $L, expected, newValue)",
          VIEWS,
          suffix,
          SEGMENT,
          offset(component));
      getAndAdd.addStatement(
          "return $T.getAndAdd$L($N, $L, delta)", VIEWS, suffix, SEGMENT, offset(component));
    }
    accessors.add(compareAndSet.build());
    accessors.add(getAndAdd.build());
  }

  private void addEnumAccessors(ComponentModel component, EnumType enumType) {
    ClassName enumClass = GeneratedTypes.enumClass(enumType);
    String constants =
        enumConstants.computeIfAbsent(
            enumType,
            e ->
                classNames.newName(
                    ComponentModel.constantCase(String.join("_", e.simpleNames()))
                        + "_CONSTANTS",
                    e));
    Primitive storage = enumType.storage();
    TypeName storageType = GeneratedTypes.primitiveType(storage);
    CodeBlock index = component.isArray() ? CodeBlock.of("$N, ", INDEX) : CodeBlock.of("");
    CodeBlock stored = CodeBlock.of("($T) $L", storageType, access(component, "get"));
    CodeBlock ordinal =
        switch (storage) {
          case BYTE -> CodeBlock.of("$T.toUnsignedInt($L)", Byte.class, stored);
          case SHORT -> CodeBlock.of("$T.toUnsignedInt($L)", Short.class, stored);
          default -> stored;
        };
    accessors.add(
        accessor(
                component.name(),
                component,
                "Reads",
                "@throws IllegalStateException if the memory holds no ordinal of {@code "
                    + enumType.javaName()
                    + "}")
            .returns(enumClass)
            .addCode(
                guarded(
                    component,
                    "return $T.constant($N, $L, $S, $L$N)",
                    VIEWS,
                    constants,
                    ordinal,
                    component.name(),
                    index,
                    RECORD_NAME))
            .build());
    CodeBlock checked =
        CodeBlock.of(
            "$T.checkNotNull($N, $S, $L$N).ordinal()",
            VIEWS,
            VALUE,
            component.name(),
            index,
            RECORD_NAME);
    accessors.add(
        accessor(
                component.name(),
                component,
                "Writes",
                "@throws NullPointerException if {@code value} is null")
            .addParameter(enumClass, VALUE)
            .addCode(
                guarded(
                    component,
                    "$L",
                    access(
                        component,
                        "set",
                        storage == Primitive.INT
                            ? checked
                            : CodeBlock.of("($T) $L", storageType, checked))))
            .build());
  }

  private void addRecordAccessors(ComponentModel component, RecordType recordType) {
    ClassName nestedView = GeneratedTypes.view(recordType.model());
    ClassName nestedLayout = GeneratedTypes.layout(recordType.model());
    ClassName nestedRecord = GeneratedTypes.record(recordType.model());
    accessors.add(
        accessor(component.name(), component, "A view of")
            .returns(nestedView)
            .addStatement(
                "return $T.of($N.asSlice($L, $T.SIZE))",
                nestedView,
                SEGMENT,
                offset(component),
                nestedLayout)
            .build());
    CodeBlock index = component.isArray() ? CodeBlock.of("$N, ", INDEX) : CodeBlock.of("");
    accessors.add(
        accessor(
                component.name(),
                component,
                "Writes",
                "@throws NullPointerException if {@code value} or one of its arrays, enums or"
                    + " nested records is null",
                "@throws IllegalArgumentException if an array of {@code value} has the wrong"
                    + " length")
            .addParameter(nestedRecord, VALUE)
            .addStatement(
                "this.$N($L).write($T.checkNotNull($N, $S, $L$N))",
                component.name(),
                component.isArray() ? CodeBlock.of("$N", INDEX) : CodeBlock.of(""),
                VIEWS,
                VALUE,
                component.name(),
                index,
                RECORD_NAME)
            .build());
  }

  private MethodSpec read() {
    NameAllocator names = classNames.clone();
    String i = names.get("i");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read")
            .addModifiers(Modifier.PUBLIC)
            .returns(record)
            .addJavadoc(
                "Reads the whole record.\n\n@return a new {@link $T} holding the values in"
                    + " memory$L\n",
                record,
                model.components().stream().anyMatch(ComponentModel::isArray)
                    ? ", with freshly allocated arrays"
                    : "");
    List<CodeBlock> arguments = new ArrayList<>();
    for (ComponentModel component : model.components()) {
      if (!component.isArray()) {
        arguments.add(
            component.type() instanceof RecordType
                ? CodeBlock.of("this.$N().read()", component.name())
                : CodeBlock.of("this.$N()", component.name()));
        continue;
      }
      String local = names.newName(component.name(), component);
      arguments.add(CodeBlock.of("$N", local));
      method.addStatement(
          "$T $N = new $T[$T.$L]",
          GeneratedTypes.componentType(component),
          local,
          GeneratedTypes.valueType(component.type()),
          layout,
          GeneratedNames.length(component));
      if (component.type() instanceof Primitive primitive && primitive != Primitive.BOOLEAN) {
        method.addStatement(
            "$T.copy($N, $L, $T.$L, $N, 0, $N.length)",
            MemorySegment.class,
            SEGMENT,
            GeneratedTypes.valueLayout(primitive),
            layout,
            GeneratedNames.offset(component),
            local,
            local);
      } else {
        method
            .beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, local, i)
            .addStatement(
                "$N[$N] = this.$N($N)$L",
                local,
                i,
                component.name(),
                i,
                component.type() instanceof RecordType ? ".read()" : "")
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
            .addParameter(record, value)
            .addJavadoc(
                "Writes the whole record. Its arrays, enums and nested records are checked for"
                    + " null and for their lengths before anything is written; null array"
                    + " elements and the insides of nested records are checked as they are"
                    + " written, so a failure there leaves the components before it written.\n\n"
                    + "@param value the record to store\n"
                    + "@throws NullPointerException if {@code value}, one of its arrays, enums or"
                    + " nested records, or an element of one of its arrays is null\n"
                    + "@throws IllegalArgumentException if an array of {@code value} does not have"
                    + " the length its {@code @Length} declares\n")
            .addStatement(
                "$T.requireNonNull($N, $S)",
                Objects.class,
                value,
                "cannot write a null " + model.displayName());
    Map<ComponentModel, String> locals = new LinkedHashMap<>();
    for (ComponentModel component : model.components()) {
      boolean checked = component.isArray() || !(component.type() instanceof Primitive);
      if (!checked) {
        continue;
      }
      String local = names.newName(component.name(), component);
      locals.put(component, local);
      method.addStatement(
          "$T $N = $T.$L($N.$N(), $L$S, $N)",
          GeneratedTypes.componentType(component),
          local,
          VIEWS,
          component.isArray() ? "checkLength" : "checkNotNull",
          value,
          component.name(),
          component.isArray()
              ? CodeBlock.of("$T.$L, ", layout, GeneratedNames.length(component))
              : CodeBlock.of(""),
          component.name(),
          RECORD_NAME);
    }
    for (ComponentModel component : model.components()) {
      String local = locals.get(component);
      if (local == null) {
        method.addStatement("this.$N($N.$N())", component.name(), value, component.name());
      } else if (!component.isArray()) {
        method.addStatement("this.$N($N)", component.name(), local);
      } else if (component.type() instanceof Primitive primitive
          && primitive != Primitive.BOOLEAN) {
        method.addStatement(
            "$T.copy($N, 0, $N, $L, $T.$L, $N.length)",
            MemorySegment.class,
            local,
            SEGMENT,
            GeneratedTypes.valueLayout(primitive),
            layout,
            GeneratedNames.offset(component),
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
   * as "{@code verb} component, placement. {@code note}" followed by {@code tags}.
   */
  private MethodSpec.Builder accessor(
      String name, ComponentModel component, String verb, CodeBlock note, String... tags) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC);
    if (component.isArray()) {
      method.addParameter(TypeName.INT, INDEX);
    }
    method.addJavadoc(
        "$L $L{@code $L}, $L.",
        verb,
        component.isArray() ? "element {@code index} of " : "",
        component.name(),
        GeneratedTypes.placement(component));
    method.addJavadoc(note).addJavadoc("\n");
    List<String> allTags = new ArrayList<>(List.of(tags));
    if (component.isArray()) {
      allTags.add(
          "@throws IndexOutOfBoundsException if {@code index} is negative or not below "
              + number(component.length()));
    }
    if (!allTags.isEmpty()) {
      method.addJavadoc("\n$L\n", String.join("\n", allTags));
    }
    return method;
  }

  private MethodSpec.Builder accessor(
      String name, ComponentModel component, String verb, String... tags) {
    return accessor(name, component, verb, CodeBlock.of(""), tags);
  }

  /** The offset of the component, or of element {@code index} of an array component. */
  private CodeBlock offset(ComponentModel component) {
    if (!component.isArray()) {
      return CodeBlock.of("$T.$L", layout, GeneratedNames.offset(component));
    }
    return CodeBlock.of(
        "$T.$L + $T.$L * $L",
        layout,
        GeneratedNames.offset(component),
        layout,
        GeneratedNames.stride(component),
        checkedIndex(component));
  }

  /**
   * The statement {@code format}, which accesses {@code component} through its var handle; for an
   * array, in a {@code try} that turns the handle's {@code IndexOutOfBoundsException} into one that
   * names the component, the index and the length. The view's segment holds the whole record (as
   * {@code of} checks), so an out-of-range index is the only way the handle can throw it.
   */
  private CodeBlock guarded(ComponentModel component, String format, Object... args) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (!component.isArray()) {
      return code.addStatement(format, args).build();
    }
    return code.beginControlFlow("try")
        .addStatement(format, args)
        .nextControlFlow("catch ($T e)", IndexOutOfBoundsException.class)
        .addStatement(
            "throw $T.indexOutOfBounds($N, $T.$L, $S, $N, e)",
            VIEWS,
            INDEX,
            layout,
            GeneratedNames.length(component),
            component.name(),
            RECORD_NAME)
        .endControlFlow()
        .build();
  }

  /** {@code index}, checked against the length of array component {@code component}. */
  private CodeBlock checkedIndex(ComponentModel component) {
    return CodeBlock.of(
        "$T.checkIndex($N, $T.$L, $S, $N)",
        VIEWS,
        INDEX,
        layout,
        GeneratedNames.length(component),
        component.name(),
        RECORD_NAME);
  }
}
