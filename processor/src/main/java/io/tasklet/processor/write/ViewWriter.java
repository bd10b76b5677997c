package io.tasklet.processor.write;

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
import io.tasklet.runtime.ShortComponent;
import io.tasklet.runtime.Views;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * Writes {@code RView}, the one class of a record: its layout (constants and a {@code
 * StructLayout}, by {@link LayoutWriter}), and views of it, each a final object over a memory
 * segment, with one accessor per component, indexed accessors for arrays, views of nested
 * records, {@code read()} and {@code write(R)}. A view is a final class rather than a record:
 * javac enters a record's implicit members again in every round of processing, for an equality
 * of views that nothing needs.
 *
 * <p>Each primitive or enum component has a descriptor of the runtime ({@link LongComponent} and
 * its kin) in a {@code static final} field, which holds the var handle of the record's layout and
 * the component's name and length; every accessor is one call on it, so the index check's message
 * is written once, in the runtime, and the JIT folds the handle into the access. The descriptors
 * of a {@code @SharedState} record are public: they carry the ordered and atomic operations.
 */
public final class ViewWriter {
  private static final String SEGMENT = "segment";
  private static final String INDEX = "index";
  private static final String VALUE = "value";
  private static final String I = "i";

  private final RecordModel model;
  private final JavaSource source;
  /** How the file names the record, its view and the runtime's {@code Views}. */
  private final String record;
  private final String view;
  private final String views;
  /**
   * Names a local of {@code read()} or {@code write()} must not take: the class's fields and
   * parameters, and the restricted identifiers. {@link JavaSource#local} keeps locals off the
   * class names the file wrote, too.
   */
  private final Set<String> reservedNames = new HashSet<>();

  private ViewWriter(RecordModel model, Element origin) {
    this.model = model;
    JavaName recordName = GeneratedTypes.record(model);
    List<JavaName> userClasses = new ArrayList<>(List.of(recordName));
    for (ComponentModel component : model.components()) {
      switch (component.type()) {
        case EnumType enumType -> userClasses.add(GeneratedTypes.enumClass(enumType));
        case RecordType recordType -> userClasses.addAll(List.of(
            GeneratedTypes.record(recordType.model()), GeneratedTypes.view(recordType.model())));
        case Primitive primitive -> {}
      }
    }
    this.source = new JavaSource(GeneratedTypes.view(model), origin,
        userClasses.toArray(JavaName[]::new));
    this.record = source.name(recordName);
    this.view = model.viewSimpleName();
    this.views = source.name(Views.class);
    // taken here, so that a local named after a component never reads "yield" or "var"
    reservedNames.addAll(GeneratedNames.RESTRICTED_IDENTIFIERS);
    reservedNames.addAll(List.of(SEGMENT, I, VALUE, "SIZE", "ALIGNMENT", "LAYOUT"));
    for (ComponentModel component : model.components()) {
      reservedNames.addAll(List.of(GeneratedNames.offset(component),
          GeneratedNames.length(component), GeneratedNames.component(component)));
    }
  }

  /** The class of {@code model}, with {@code header}. */
  public static GeneratedSource write(RecordModel model, Header header) {
    return new ViewWriter(model, header.origin()).build(header);
  }

  private GeneratedSource build(Header header) {
    String segmentType = source.name(MemorySegment.class);
    source.javadoc("The layout of {@link " + record + "} as a C struct"
        + (model.raisedToWord()
            ? " aligned to 4 bytes (as if declared {@code _Alignas(4)}), so that its narrow"
                + " values can be updated atomically through the 4-byte word around them"
            : "")
        + ", and a {@linkplain " + views + " view} of it in memory"
        + (model.shared()
            ? ", with the ordered and atomic operations of its {@code COMPONENT_} descriptors"
            : "")
        + ".");
    header.writeTo(source);
    source.open("public final class " + view);
    LayoutWriter.writeTo(source, model);
    source.member();
    for (ComponentModel component : model.components()) {
      descriptor(component);
    }
    source.member().line("private final " + segmentType + " " + SEGMENT + ";");
    source.member()
        .open("private " + view + "(" + segmentType + " " + SEGMENT + ")")
        .line("this." + SEGMENT + " = " + views + ".checkSegment(" + SEGMENT + ", SIZE, ALIGNMENT, "
            + JavaSource.literal(model.displayName()) + ");")
        .close();
    source.member()
        .javadoc("{@return a view of the {@link " + record + "} at the start of {@code segment}}",
            "@param segment at least {@link #SIZE} bytes, aligned to {@link #ALIGNMENT}",
            // qualified, not imported: ecj counts no import that only Javadoc uses
            "@throws java.lang.IllegalArgumentException if the segment is smaller or not"
                + " aligned")
        .open("public static " + view + " of(" + segmentType + " " + SEGMENT + ")")
        .line("return new " + view + "(" + SEGMENT + ");")
        .close();
    source.member()
        .javadoc("{@return the memory this view reads and writes, which starts with the record}")
        .open("public " + segmentType + " " + SEGMENT + "()")
        .line("return " + SEGMENT + ";")
        .close();
    for (ComponentModel component : model.components()) {
      accessors(component);
    }
    read();
    write();
    source.close();
    return source.source();
  }

  /**
   * The descriptor field of a primitive or enum component, of the runtime's class for its type
   * ({@link LongComponent} and its kin), public in a {@code @SharedState} record. The descriptors
   * are one group of fields, with no blank line between them.
   */
  private void descriptor(ComponentModel component) {
    String type;
    String initializer;
    switch (component.type()) {
      case Primitive primitive -> {
        type = source.name(descriptorClass(primitive));
        initializer = type + ".of(LAYOUT, " + JavaSource.literal(component.name()) + ")";
      }
      case EnumType enumType -> {
        String enumClass = source.name(GeneratedTypes.enumClass(enumType));
        String descriptor = source.name(EnumComponent.class);
        type = descriptor + "<" + enumClass + ">";
        initializer = descriptor + ".of(LAYOUT, " + JavaSource.literal(component.name()) + ", "
            + enumClass + ".class)";
      }
      case RecordType recordType -> {
        return;
      }
    }
    String declaration = type + " " + GeneratedNames.component(component) + " = " + initializer
        + ";";
    if (model.shared()) {
      source.javadoc("Reads and writes {@code " + component.name() + "}"
              + (component.type() instanceof Primitive primitive && primitive.integral()
                  ? ", with its ordered and atomic operations" : "")
              + ".")
          .line("public static final " + declaration);
    } else {
      source.line("private static final " + declaration);
    }
  }

  private static Class<?> descriptorClass(Primitive primitive) {
    return switch (primitive) {
      case BOOLEAN -> BooleanComponent.class;
      case BYTE -> ByteComponent.class;
      case SHORT -> ShortComponent.class;
      case CHAR -> CharComponent.class;
      case INT -> IntComponent.class;
      case FLOAT -> FloatComponent.class;
      case LONG -> LongComponent.class;
      case DOUBLE -> DoubleComponent.class;
    };
  }

  /**
   * The two accessors of {@code component}: of a primitive or enum, each one call on its
   * descriptor; of a record, a view of it and a write through that view.
   */
  private void accessors(ComponentModel component) {
    String index = component.isArray() ? INDEX : "";
    String indexFirst = component.isArray() ? INDEX + ", " : "";
    String what = (component.isArray() ? "element {@code index} of " : "") + "{@code "
        + component.name() + "}, at {@link #" + GeneratedNames.offset(component) + "}";
    List<String> getterTags = new ArrayList<>();
    List<String> setterTags = new ArrayList<>();
    if (component.isArray()) {
      String indexTag = "@param index from 0 to {@link #" + GeneratedNames.length(component)
          + "}, exclusive";
      getterTags.add(indexTag);
      setterTags.add(indexTag);
    }
    setterTags.add("@param value the value");
    String parameters = component.isArray() ? "int " + INDEX : "";
    String parametersFirst = component.isArray() ? "int " + INDEX + ", " : "";
    String valueType = GeneratedTypes.valueType(source, component.type());
    String field = GeneratedNames.component(component);
    if (component.type() instanceof RecordType recordType) {
      String nestedView = source.name(GeneratedTypes.view(recordType.model()));
      String slice = component.isArray()
          ? views + ".element(" + SEGMENT + ", " + GeneratedNames.offset(component) + ", "
              + nestedView + ".SIZE, " + INDEX + ", " + GeneratedNames.length(component) + ", "
              + JavaSource.literal(component.name()) + ", "
              + JavaSource.literal(model.displayName()) + ")"
          : SEGMENT + ".asSlice(" + GeneratedNames.offset(component) + ", " + nestedView
              + ".SIZE)";
      source.member()
          .javadoc("{@return a view of " + what + "}", getterTags.toArray(String[]::new))
          .open("public " + nestedView + " " + component.name() + "(" + parameters + ")")
          .line("return " + nestedView + ".of(" + slice + ");")
          .close();
      source.member()
          .javadoc("Writes " + what + ".", setterTags.toArray(String[]::new))
          .open("public void " + component.name() + "(" + parametersFirst + valueType + " " + VALUE
              + ")")
          .line("this." + component.name() + "(" + index + ").write(" + views + ".checkNotNull("
              + VALUE + ", " + JavaSource.literal(component.name()) + ", " + indexFirst
              + JavaSource.literal(model.displayName()) + "));")
          .close();
    } else {
      source.member()
          .javadoc("{@return " + what + "}", getterTags.toArray(String[]::new))
          .open("public " + valueType + " " + component.name() + "(" + parameters + ")")
          .line("return " + field + ".get(" + SEGMENT + (index.isEmpty() ? "" : ", " + index)
              + ");")
          .close();
      source.member()
          .javadoc("Writes " + what + ".", setterTags.toArray(String[]::new))
          .open("public void " + component.name() + "(" + parametersFirst + valueType + " " + VALUE
              + ")")
          .line(field + ".set(" + SEGMENT + ", " + indexFirst + VALUE + ");")
          .close();
    }
  }

  private void read() {
    Set<String> names = new HashSet<>(reservedNames);
    source.member()
        .javadoc("{@return a new {@link " + record + "} of the values in memory, with new arrays}")
        .open("public " + record + " read()");
    List<String> arguments = new ArrayList<>();
    for (ComponentModel component : model.components()) {
      boolean nested = component.type() instanceof RecordType;
      if (!component.isArray()) {
        arguments.add(nested ? "this." + component.name() + "().read()"
            : GeneratedNames.component(component) + ".get(" + SEGMENT + ")");
      } else if (!nested) {
        arguments.add(GeneratedNames.component(component) + ".toArray(" + SEGMENT + ")");
      } else {
        String local = source.local(component.name(), names);
        arguments.add(local);
        source.line(GeneratedTypes.componentType(source, component) + " " + local + " = new "
                + GeneratedTypes.valueType(source, component.type()) + "["
                + GeneratedNames.length(component) + "];")
            .open("for (int " + I + " = 0; " + I + " < " + local + ".length; " + I + "++)")
            .line(local + "[" + I + "] = this." + component.name() + "(" + I + ").read();")
            .close();
      }
    }
    source.line("return new " + record + "(" + String.join(", ", arguments) + ");").close();
  }

  private void write() {
    Set<String> names = new HashSet<>(reservedNames);
    source.member()
        .javadoc("Writes all of {@code value}, which must hold no null and arrays of the declared"
                + " lengths.",
            "@param value the record to store")
        .open("public void write(" + record + " " + VALUE + ")")
        .line(views + ".checkRecord(" + VALUE + ", " + JavaSource.literal(model.displayName())
            + ");");
    Map<ComponentModel, String> locals = new LinkedHashMap<>();
    for (ComponentModel component : model.components()) {
      if (!component.isArray() && component.type() instanceof Primitive) {
        continue;
      }
      String local = source.local(component.name(), names);
      locals.put(component, local);
      source.line(GeneratedTypes.componentType(source, component) + " " + local + " = " + views
          + "." + (component.isArray() ? "checkLength" : "checkNotNull") + "(" + VALUE + "."
          + component.name() + "(), "
          + (component.isArray() ? GeneratedNames.length(component) + ", " : "")
          + JavaSource.literal(component.name()) + ", "
          + JavaSource.literal(model.displayName()) + ");");
    }
    for (ComponentModel component : model.components()) {
      // a single primitive is read from the record as it is stored, the rest from the checks above
      String value = locals.getOrDefault(component, VALUE + "." + component.name() + "()");
      if (!component.isArray()) {
        source.line(component.type() instanceof RecordType
            ? "this." + component.name() + "(" + value + ");"
            : GeneratedNames.component(component) + ".set(" + SEGMENT + ", " + value + ");");
      } else if (!(component.type() instanceof RecordType)) {
        source.line(GeneratedNames.component(component) + ".copyFrom(" + SEGMENT + ", " + value
            + ");");
      } else {
        source.open("for (int " + I + " = 0; " + I + " < " + value + ".length; " + I + "++)")
            .line("this." + component.name() + "(" + I + ", " + value + "[" + I + "]);")
            .close();
      }
    }
    source.close();
  }
}
