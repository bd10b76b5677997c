package io.tasklet.processor;

import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.Tasklet;
import io.tasklet.processor.check.RecordChecker;
import io.tasklet.processor.check.Report;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.LauncherModel;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.processor.write.GeneratedSource;
import io.tasklet.processor.write.GeneratedTypes;
import io.tasklet.processor.write.Header;
import io.tasklet.processor.write.LauncherWriter;
import io.tasklet.processor.write.LayoutReportWriter;
import io.tasklet.processor.write.ViewWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Where generated classes are planned, checked against each other and the user's classes, and
 * written: the one path every generated file takes.
 *
 * <p>A round's valid declarations are planned first. Then every generated class name is checked
 * against the others of the round, those of earlier rounds, and the classes of the compilation's
 * sources; a clash is reported on both elements, with a fix, and nothing is written for either.
 * What uses a record whose classes are not written (a launcher, a record nesting it) is reported
 * and not written either, so that no generated file names a class that does not exist. Only then
 * are files written. An {@link IOException} while writing is an error on the element; any other
 * exception is a bug of this processor, reported with its stack trace.
 */
final class GeneratedFiles {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final ProcessingEnvironment env;
  private final RecordChecker records;
  /** Every class generated so far, by qualified name, and what it was generated for. */
  private final Map<String, String> generated = new HashMap<>();

  GeneratedFiles(ProcessingEnvironment env, RecordChecker records) {
    this.env = env;
    this.records = records;
  }

  /** A resource written for an element, such as its layout report. */
  @FunctionalInterface
  interface Resource {
    void write(Filer filer) throws IOException;
  }

  Round newRound() {
    return new Round();
  }

  /** The classes generated for one element, planned but not yet written. */
  private static final class Planned {
    final Element origin;
    final String description;
    /** How to fix a clash, with {@code %s} for "the" or "that": "rename %s record". */
    final String fix;
    /** Qualified names of the classes, with what each is. */
    final Map<String, String> classes = new LinkedHashMap<>();
    /** Keys of the records whose generated classes these use. */
    final Set<String> uses = new LinkedHashSet<>();
    final Function<Header, List<GeneratedSource>> files;
    /** Writes the layout report, a resource, once the classes are written. */
    final Resource layoutReport;
    final Header header;
    final Report report = new Report();
    /** Key of the record, for a record's classes; null for a launcher. */
    final String record;
    /** The annotation and attribute that name a launcher explicitly; null otherwise. */
    AnnotationMirror annotation;
    AnnotationValue name;

    Planned(Element origin, String description, String fix, String record, Header header,
        Function<Header, List<GeneratedSource>> files, Resource layoutReport) {
      this.origin = origin;
      this.description = description;
      this.fix = fix;
      this.record = record;
      this.header = header;
      this.files = files;
      this.layoutReport = layoutReport;
    }

    String fix(String determiner) {
      return String.format(fix, determiner);
    }

    /** Reports {@code message} on the attribute that names these classes, else the element. */
    void error(String message) {
      if (annotation != null) {
        report.error(message, origin, annotation, name);
      } else {
        report.error(message, origin);
      }
    }
  }

  /** The classes planned in one round. */
  final class Round {
    private final List<Planned> planned = new ArrayList<>();

    /** Plans the layout and view of {@code record}. */
    void record(RecordModel model, TypeElement record) {
      Planned one = new Planned(record, "record " + model.displayName(),
          "rename %s record", records.key(record), header(record, used(record)),
          header -> List.of(ViewWriter.write(model, header)),
          filer -> LayoutReportWriter.write(filer, model, record));
      String prefix = model.packageName().isEmpty() ? "" : model.packageName() + ".";
      one.classes.put(prefix + model.viewSimpleName(), "the view of " + one.description);
      for (ComponentModel component : model.components()) {
        if (component.type() instanceof RecordType nested) {
          one.uses.add(nested.model().qualifiedName());
        }
      }
      planned.add(one);
    }

    /** Plans the launcher of {@code method}. */
    void launcher(LauncherModel model, Element method) {
      Planned one = new Planned(method, "method " + model.taskletName(),
          "give %s method another name = \"...\"", null, header(method, used(method)),
          header -> List.of(LauncherWriter.write(model, header)),
          filer -> LayoutReportWriter.write(filer, model, method));
      String prefix = model.packageName().isEmpty() ? "" : model.packageName() + ".";
      one.classes.put(prefix + model.simpleName(), "the launcher of " + one.description);
      for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
        mirror.getElementValues().forEach((attribute, value) -> {
          if (attribute.getSimpleName().contentEquals("name")
              && attribute.getEnclosingElement() instanceof TypeElement annotation
              && (annotation.getQualifiedName().contentEquals(Coordinator.class.getCanonicalName())
                  || annotation.getQualifiedName()
                      .contentEquals(Tasklet.class.getCanonicalName()))) {
            one.annotation = mirror;
            one.name = value;
          }
        });
      }
      one.uses.add(model.shared().qualifiedName());
      model.scratch().ifPresent(scratch -> one.uses.add(scratch.qualifiedName()));
      planned.add(one);
    }

    /** Reports every clash and what depends on it, then writes the rest. */
    void write() {
      findClashes();
      Set<String> failedRecords = new HashSet<>();
      for (Planned one : planned) {
        if (!one.report.isClean() && one.record != null) {
          failedRecords.add(one.record);
          records.invalidate((TypeElement) one.origin, one.report);
        }
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Planned one : planned) {
          if (!one.report.isClean()) {
            continue;
          }
          for (String used : one.uses) {
            if (failedRecords.contains(used) || records.isInvalid(used)) {
              one.report.error(one.description + " uses record " + used + ", whose generated"
                  + " classes cannot be written; fix the errors reported on it first",
                  one.origin);
              if (one.record != null) {
                failedRecords.add(one.record);
                records.invalidate((TypeElement) one.origin, one.report);
              }
              changed = true;
              break;
            }
          }
        }
      }
      for (Planned one : planned) {
        if (one.report.isClean()) {
          one.classes.forEach((name, what) -> generated.put(name, what));
          writeFiles(one);
        } else {
          one.report.printTo(env);
        }
      }
    }

    private void findClashes() {
      Map<String, Planned> claimed = new HashMap<>();
      for (Planned one : planned) {
        for (Map.Entry<String, String> entry : one.classes.entrySet()) {
          String name = entry.getKey();
          String what = entry.getValue();
          String earlier = generated.get(name);
          Planned other = claimed.putIfAbsent(name, one);
          TypeElement existing = env.getElementUtils().getTypeElement(name);
          if (earlier != null) {
            one.error(what + " would be " + name + ", which is already " + earlier + "; "
                + one.fix("the"));
          } else if (other != null && other != one) {
            String otherWhat = other.classes.get(name);
            one.error(what + " would be " + name + ", which is also " + otherWhat + "; "
                + one.fix("the") + ", or " + other.fix("that"));
            other.error(otherWhat + " would be " + name + ", which is also " + what + "; "
                + other.fix("the") + ", or " + one.fix("that"));
          } else if (existing != null && isUserSource(existing)) {
            one.error(what + " would be " + name + ", but the class " + name
                + " already exists; " + one.fix("the") + ", or rename that class");
            env.getMessager().printMessage(Diagnostic.Kind.ERROR, "class " + name
                + " has the name of " + what + "; rename one of them", existing);
          }
        }
      }
    }
  }

  /** Whether {@code type} is a class of this compilation's sources (not one this generated). */
  private boolean isUserSource(TypeElement type) {
    try {
      JavaFileObject file = env.getElementUtils().getFileObjectOf(type);
      return file == null || file.getKind() == JavaFileObject.Kind.SOURCE;
    } catch (UnsupportedOperationException cannotTell) {
      return true;
    }
  }

  private void writeFiles(Planned one) {
    List<GeneratedSource> files;
    try {
      files = one.files.apply(one.header);
      for (GeneratedSource file : files) {
        try {
          write(file);
        } catch (IOException e) {
          env.getMessager().printMessage(Diagnostic.Kind.ERROR, "could not write "
              + file.type().canonicalName() + " for " + one.description
              + ": " + e.getMessage(), one.origin);
        }
      }
      try {
        one.layoutReport.write(env.getFiler());
      } catch (IOException e) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, "could not write the layout report"
            + " of " + one.description + ": " + e.getMessage(), one.origin);
      }
    } catch (RuntimeException bug) {
      StringWriter trace = new StringWriter();
      bug.printStackTrace(new PrintWriter(trace));
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, "the tasklet processor failed on "
          + one.description + "; this is a bug in the processor, please report it with this"
          + " trace:\n" + trace, one.origin);
    }
  }

  /** Writes {@code file} through the filer, with its originating element. */
  private void write(GeneratedSource file) throws IOException {
    JavaFileObject source =
        env.getFiler().createSourceFile(file.type().canonicalName(), file.origin());
    try (Writer writer = source.openWriter()) {
      writer.write(file.text());
    }
  }

  /**
   * The header of the classes generated for {@code origin}: {@code @Generated} where the module
   * of {@code origin} reads {@code java.compiler}, and the warnings that the elements the classes
   * use would cause.
   */
  private Header header(Element origin, Set<Element> used) {
    Elements elements = env.getElementUtils();
    List<String> suppress = new ArrayList<>();
    boolean deprecation = false;
    boolean removal = false;
    for (Element element : used) {
      for (Element e = element; e != null && !(e instanceof PackageElement);
          e = e.getEnclosingElement()) {
        if (elements.isDeprecated(e)) {
          Deprecated deprecated = e.getAnnotation(Deprecated.class);
          if (deprecated != null && deprecated.forRemoval()) {
            removal = true;
          } else {
            deprecation = true;
          }
        }
      }
    }
    if (deprecation) {
      suppress.add("deprecation");
    }
    if (removal) {
      suppress.add("removal");
    }
    return new Header(origin, generatedVisible(origin), suppress);
  }

  /** The elements generated code for {@code origin} names: what may be deprecated. */
  private Set<Element> used(Element origin) {
    Set<Element> used = new LinkedHashSet<>();
    used.add(origin);
    if (origin instanceof TypeElement record) {
      for (RecordComponentElement component : record.getRecordComponents()) {
        used.add(component);
        if (component.getAccessor() != null) {
          used.add(component.getAccessor());
        }
        addType(component.asType(), used);
      }
    } else if (origin instanceof ExecutableElement method) {
      method.getParameters().forEach(parameter -> addType(parameter.asType(), used));
    }
    return used;
  }

  private static void addType(TypeMirror type, Set<Element> used) {
    if (type instanceof ArrayType array) {
      addType(array.getComponentType(), used);
    } else if (type instanceof DeclaredType declared) {
      used.add(declared.asElement());
      declared.getTypeArguments().forEach(argument -> addType(argument, used));
    }
  }

  /**
   * Whether code in the module of {@code origin} can read {@code @Generated}: in the unnamed
   * module when the platform has it, in a named module when it requires {@code java.compiler},
   * directly or through a {@code requires transitive}. As AutoValue does, the annotation is left
   * out elsewhere, so that a module does not need {@code requires java.compiler} for it.
   */
  private boolean generatedVisible(Element origin) {
    Elements elements = env.getElementUtils();
    ModuleElement module = elements.getModuleOf(origin);
    if (module == null || module.isUnnamed()) {
      return elements.getTypeElement(GENERATED) != null;
    }
    return reads(module, "java.compiler", new HashSet<>(), false);
  }

  private static boolean reads(
      ModuleElement module, String target, Set<ModuleElement> seen, boolean transitiveOnly) {
    if (!seen.add(module)) {
      return false;
    }
    for (ModuleElement.Directive directive : module.getDirectives()) {
      if (directive instanceof ModuleElement.RequiresDirective requires
          && (!transitiveOnly || requires.isTransitive())) {
        ModuleElement dependency = requires.getDependency();
        if (dependency.getQualifiedName().contentEquals(target)
            || reads(dependency, target, seen, true)) {
          return true;
        }
      }
    }
    return false;
  }
}
