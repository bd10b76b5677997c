package io.tasklet.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeName;
import io.tasklet.processor.TaskletProcessor;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.processor.model.ValueType;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.annotation.processing.Generated;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Java names of the types the writers refer to, and the wording their Javadoc shares. */
public final class GeneratedTypes {
  private static final ClassName GENERATED = ClassName.get(Generated.class);
  private static final String PROCESSOR = TaskletProcessor.class.getCanonicalName();

  private GeneratedTypes() {}

  /** {@code @Generated("io.tasklet.processor.TaskletProcessor")}. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

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

  /**
   * The source file of {@code type}. Every type it names is imported or qualified, those of
   * {@code java.lang} too, so that a class of the user's package named {@code String} or {@code
   * Byte} cannot stand in for the one meant.
   */
  static JavaFile file(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(false).build();
  }

  /** The text of {@code file}, as the processor writes it: JavaPoet's. */
  public static String text(JavaFile file) {
    return file.toString();
  }

  /**
   * {@code method} with an {@code @param} for each parameter its Javadoc does not document yet,
   * from {@code parameter}, and an {@code @return} from {@code returns} if it returns something
   * and has none: generated Javadoc passes {@code javadoc -Xdoclint}.
   */
  static MethodSpec documented(
      MethodSpec method, Function<String, String> parameter, String returns) {
    String javadoc = method.javadoc().toString();
    MethodSpec.Builder builder = method.toBuilder();
    for (ParameterSpec spec : method.parameters()) {
      if (!javadoc.contains("@param " + spec.name() + " ")) {
        builder.addJavadoc("@param $L $L\n", spec.name(), parameter.apply(spec.name()));
      }
    }
    if (!method.returnType().equals(TypeName.VOID)
        && !method.isConstructor()
        && !javadoc.contains("@return ")) {
      builder.addJavadoc("@return $L\n", returns);
    }
    return builder.build();
  }

  static ClassName record(RecordModel model) {
    return className(model.packageName(), model.simpleNames());
  }

  static ClassName view(RecordModel model) {
    return ClassName.get(model.packageName(), model.viewSimpleName());
  }

  static ClassName enumClass(EnumType type) {
    return className(type.packageName(), type.simpleNames());
  }

  private static ClassName className(String packageName, List<String> simpleNames) {
    return ClassName.get(
        packageName,
        simpleNames.getFirst(),
        simpleNames.subList(1, simpleNames.size()).toArray(String[]::new));
  }

  /** The Java type of one value: {@code long}, {@code Color}, {@code Inner}. */
  static TypeName valueType(ValueType type) {
    return switch (type) {
      case Primitive primitive -> primitiveType(primitive);
      case EnumType enumType -> enumClass(enumType);
      case RecordType recordType -> record(recordType.model());
    };
  }

  /** The Java type of a whole component: {@code long}, {@code long[]}. */
  static TypeName componentType(ComponentModel component) {
    TypeName value = valueType(component.type());
    return component.isArray() ? ArrayTypeName.of(value) : value;
  }

  static TypeName primitiveType(Primitive primitive) {
    return switch (primitive) {
      case BOOLEAN -> TypeName.BOOLEAN;
      case BYTE -> TypeName.BYTE;
      case SHORT -> TypeName.SHORT;
      case CHAR -> TypeName.CHAR;
      case INT -> TypeName.INT;
      case FLOAT -> TypeName.FLOAT;
      case LONG -> TypeName.LONG;
      case DOUBLE -> TypeName.DOUBLE;
    };
  }

  /** {@code ValueLayout.JAVA_LONG} and its kin: native byte order, naturally aligned. */
  static CodeBlock valueLayout(Primitive primitive) {
    return CodeBlock.of("$T.JAVA_$L", ValueLayout.class, primitive.name());
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
