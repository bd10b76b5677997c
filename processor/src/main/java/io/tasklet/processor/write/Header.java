package io.tasklet.processor.write;

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

  /** Writes the annotations of the class, before its declaration. */
  void writeTo(JavaSource source) {
    if (generated) {
      source.line("@" + source.name(GeneratedTypes.GENERATED) + "("
          + JavaSource.literal(GeneratedTypes.PROCESSOR) + ")");
    }
    if (!suppressWarnings.isEmpty()) {
      String keys = String.join(", ", suppressWarnings.stream().map(JavaSource::literal).toList());
      source.line("@" + source.name(SuppressWarnings.class) + "("
          + (suppressWarnings.size() == 1 ? keys : "{" + keys + "}") + ")");
    }
  }
}
