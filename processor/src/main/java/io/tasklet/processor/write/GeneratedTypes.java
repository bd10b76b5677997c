package io.tasklet.processor.write;

import io.tasklet.processor.TaskletProcessor;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.processor.model.ValueType;
import java.util.Locale;
import javax.annotation.processing.Generated;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Java names of the types the writers refer to, and the wording their Javadoc shares. */
public final class GeneratedTypes {
  /** {@code @Generated}, which every generated class carries where its module can read it. */
  static final JavaName GENERATED = JavaName.of(Generated.class);
  /** What {@code @Generated} says generated the class. */
  static final String PROCESSOR = TaskletProcessor.class.getCanonicalName();

  private GeneratedTypes() {}

  /** Whether {@code element} carries the {@code @Generated} that this processor writes. */
  public static boolean generatedHere(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(GENERATED.canonicalName())) {
        return mirror.getElementValues().values().stream()
            .anyMatch(value -> PROCESSOR.equals(value.getValue()));
      }
    }
    return false;
  }

  static JavaName record(RecordModel model) {
    return new JavaName(model.packageName(), model.simpleNames());
  }

  static JavaName view(RecordModel model) {
    return JavaName.of(model.packageName(), model.viewSimpleName());
  }

  static JavaName enumClass(EnumType type) {
    return new JavaName(type.packageName(), type.simpleNames());
  }

  /** How {@code source} names the Java type of one value: {@code long}, {@code Color}. */
  static String valueType(JavaSource source, ValueType type) {
    return switch (type) {
      case Primitive primitive -> primitive.javaName();
      case EnumType enumType -> source.name(enumClass(enumType));
      case RecordType recordType -> source.name(record(recordType.model()));
    };
  }

  /** How {@code source} names the Java type of a whole component: {@code long[]}. */
  static String componentType(JavaSource source, ComponentModel component) {
    String value = valueType(source, component.type());
    return component.isArray() ? value + "[]" : value;
  }

  /** How a value of {@code type} is stored, for Javadoc. */
  static String storage(ValueType type) {
    return switch (type) {
      case Primitive primitive -> "{@code " + primitive.javaName() + "}";
      case EnumType enumType -> "{@code " + enumType.javaName() + "} as an unsigned "
          + 8 * enumType.size() + "-bit ordinal";
      case RecordType recordType -> "{@code " + recordType.javaName() + "}";
    };
  }

  /** What a component holds, for Javadoc: {@code 256 {@code long}s, 2,048 bytes}. */
  static String placement(ComponentModel component) {
    return (component.isArray() ? number(component.length()) + " x " : "")
        + storage(component.type()) + ", " + bytes(component.size());
  }

  /** {@code 2,048 bytes}. */
  static String bytes(long count) {
    return number(count) + (count == 1 ? " byte" : " bytes");
  }

  /** {@code 2,048}. */
  static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
