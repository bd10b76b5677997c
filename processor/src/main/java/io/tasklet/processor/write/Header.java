package io.tasklet.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * What a generated class carries besides its members: the element it was generated for, {@code
 * @Generated} where the class's module can read it, and a {@code @SuppressWarnings} for exactly
 * the warnings the user's declaration would otherwise cause in it (using a deprecated record,
 * say). Ecj warns about a key that suppresses nothing, so the front lists only those that
 * apply.
 *
 * @param origin the annotated element the class is generated for
 * @param generated whether to add {@code @Generated}
 * @param suppressWarnings the warning keys to suppress, none for no annotation
 */
public record Header(Element origin, boolean generated, List<String> suppressWarnings) {

  public Header {
    suppressWarnings = List.copyOf(suppressWarnings);
  }

  void applyTo(TypeSpec.Builder type) {
    type.addOriginatingElement(origin);
    if (generated) {
      type.addAnnotation(GeneratedTypes.generated());
    }
    if (!suppressWarnings.isEmpty()) {
      type.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember(
                  "value",
                  suppressWarnings.size() == 1 ? "$L" : "{$L}",
                  CodeBlock.join(
                      suppressWarnings.stream().map(key -> CodeBlock.of("$S", key)).toList(),
                      ", "))
              .build());
    }
  }
}
