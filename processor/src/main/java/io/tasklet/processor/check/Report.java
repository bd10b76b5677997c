package io.tasklet.processor.check;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic;

/**
 * The errors found in one declaration, each against the most precise place the compiler allows:
 * the element, and where it applies the annotation and attribute. Checking collects; the
 * processor's front prints once, with {@link #printTo}. A report may hold the reports of the
 * records a declaration uses; each report prints at most once however often it is reached, so a
 * record's own errors appear once even when several declarations use it.
 */
public final class Report {
  private record Entry(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {}

  private final List<Entry> errors = new ArrayList<>();
  private final List<Report> subreports = new ArrayList<>();
  private boolean printed;

  /** Records an error against {@code element}. */
  public void error(String message, Element element) {
    errors.add(new Entry(message, element, null, null));
  }

  /** Records an error against attribute {@code value} of {@code annotation} on {@code element}. */
  public void error(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    errors.add(new Entry(message, element, annotation, value));
  }

  /** Adds the report of a declaration this one depends on. */
  void add(Report subreport) {
    subreports.add(subreport);
  }

  /** Whether nothing was found wrong here (subreports aside). */
  public boolean isClean() {
    return errors.isEmpty();
  }

  /** Prints every error not printed yet, this report's and its subreports'. */
  public void printTo(ProcessingEnvironment env) {
    if (printed) {
      return;
    }
    printed = true;
    Messager messager = env.getMessager();
    boolean ecj = env.getClass().getName().startsWith("org.eclipse.jdt");
    for (Entry entry : errors) {
      Element element = entry.element();
      String message = entry.message();
      if (ecj && !locatableByEcjAsIs(element)) {
        message += SourceLines.where(env.getElementUtils(), element)
            .map(place -> " (" + place + ")")
            .orElse("");
        element = locatableByEcj(element);
      }
      if (entry.annotation() == null || element != entry.element()) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
      } else {
        messager.printMessage(
            Diagnostic.Kind.ERROR, message, element, entry.annotation(), entry.value());
      }
    }
    for (Report subreport : subreports) {
      subreport.printTo(env);
    }
  }

  /**
   * The element nearest {@code element} that ecj can place in a file: its messager finds
   * classes, interfaces, enums, methods and fields written in the source, but not records, their
   * components, nor what a record declares implicitly (as of ecj 3.46). An error on a record
   * goes to the class it is nested in, if any, and its message says the file and line of the
   * record or component, when the JDK's parser can find them.
   */
  private static Element locatableByEcj(Element element) {
    Element current = element;
    while (current != null && !locatableByEcjAsIs(current)) {
      current = current.getEnclosingElement();
    }
    return current == null || current.getKind() == ElementKind.PACKAGE ? element : current;
  }

  private static boolean locatableByEcjAsIs(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e.getKind() == ElementKind.RECORD || e.getKind() == ElementKind.RECORD_COMPONENT) {
        return false;
      }
    }
    return true;
  }
}
