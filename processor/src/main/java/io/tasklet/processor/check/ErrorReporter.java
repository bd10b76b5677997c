package io.tasklet.processor.check;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems: an error against the most precise element (and,
 * where it applies, annotation attribute) javac allows. Reporting never throws; the caller
 * abandons the element at fault and goes on with the others, so users see every problem at once.
 */
public final class ErrorReporter {
  private final Messager messager;

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} against {@code element}. */
  public void error(String message, Element element) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** Reports {@code message} against one attribute of an annotation on {@code element}. */
  public void error(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }
}
