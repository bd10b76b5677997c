package io.tasklet.processor.write;

import javax.lang.model.element.Element;

/**
 * A generated source file, written.
 *
 * @param type the top-level class it declares
 * @param text its text
 * @param origin the annotated element it was generated for
 */
public record GeneratedSource(JavaName type, String text, Element origin) {}
