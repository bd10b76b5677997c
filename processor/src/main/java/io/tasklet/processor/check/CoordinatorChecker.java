package io.tasklet.processor.check;

import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.LauncherModel;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.runtime.CoordinatorContext;
import io.tasklet.runtime.LinearMemoryPlan;
import io.tasklet.runtime.TaskletContext;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Turns a {@code @Coordinator} or {@code @Tasklet} method into a {@link LauncherModel}, or into
 * errors on the method, its parameter, or the annotation attribute at fault.
 */
public final class CoordinatorChecker {
  private static final String COORDINATOR_CONTEXT = CoordinatorContext.class.getCanonicalName();
  private static final String TASKLET_CONTEXT = TaskletContext.class.getCanonicalName();

  private final ProcessingEnvironment env;
  private final RecordChecker records;

  public CoordinatorChecker(ProcessingEnvironment env, RecordChecker records) {
    this.env = env;
    this.records = records;
  }

  /**
   * The launcher of {@code element}, annotated with {@code annotation} ({@code @Coordinator} or
   * {@code @Tasklet}), the errors in its declaration, or a wait for the component types of its
   * records.
   */
  public Checked<LauncherModel> check(Element element, Class<? extends Annotation> annotation) {
    Report report = new Report();
    boolean laned = annotation == Coordinator.class;
    String what = "@" + annotation.getSimpleName();
    AnnotationMirror mirror = mirror(element, annotation);
    if (element.getKind() != ElementKind.METHOD) {
      report.error(what + " belongs on a static method, not on a " + kind(element), element);
      return new Checked.Invalid<>(report);
    }
    ExecutableElement method = (ExecutableElement) element;
    Attributes attributes = new Attributes(method, mirror, report);
    boolean ok = checkMethod(method, what, laned, report);
    Optional<TypeElement[]> records = parameter(method, what, laned, report);
    ok &= records.isPresent();
    int workers = laned ? (int) attributes.longValue("workers") : 0;
    if (laned && (workers < 1 || workers > LinearMemoryPlan.MAX_WORKERS)) {
      attributes.error("workers must be between 1 and " + LinearMemoryPlan.MAX_WORKERS + ", was "
          + workers + "; it is the number of lanes the coordinator runs on", "workers");
      ok = false;
    }
    for (String size : List.of("maxInputBytes", "maxOutputBytes", "maxLinearMemory")) {
      long value = attributes.longValue(size);
      if (value < 0) {
        attributes.error(size + " must not be negative, was " + value, size);
        ok = false;
      }
    }
    long maxFuel = attributes.longValue("maxFuel");
    if (maxFuel < Coordinator.NO_FUEL) {
      attributes.error("maxFuel must be a pool of 0 or more units, or NO_FUEL (-1) for no pool;"
          + " was " + maxFuel, "maxFuel");
      ok = false;
    }
    Optional<String> simpleName = launcherName(method, attributes);
    ok &= simpleName.isPresent();
    if (!ok) {
      return new Checked.Invalid<>(report);
    }
    RecordModel shared = null;
    RecordModel scratch = null;
    boolean waits = false;
    for (int i = 0; i < (laned ? 2 : 1); i++) {
      switch (this.records.check(records.get()[i])) {
        case Checked.Valid<RecordModel> valid -> {
          if (i == 0) {
            shared = valid.model();
          } else {
            scratch = valid.model();
          }
        }
        case Checked.Waiting<RecordModel> waiting -> waits = true;
        case Checked.Invalid<RecordModel> invalid -> {
          report.error(what + " method " + method.getSimpleName() + " uses record "
              + records.get()[i].getSimpleName() + ", which cannot be laid out; fix the errors"
              + " reported on it first", method.getParameters().get(0));
          report.add(invalid.report());
          ok = false;
        }
      }
    }
    if (!ok) {
      return new Checked.Invalid<>(report);
    }
    if (waits) {
      return new Checked.Waiting<>();
    }
    TypeElement type = (TypeElement) method.getEnclosingElement();
    List<String> enclosing = simpleNames(type);
    LauncherModel model = new LauncherModel(
        packageOf(type), simpleName.get(),
        String.join(".", enclosing) + "." + method.getSimpleName(),
        enclosing, method.getSimpleName().toString(), laned, workers,
        attributes.longValue("maxInputBytes"), attributes.longValue("maxOutputBytes"),
        attributes.longValue("maxLinearMemory"), maxFuel, shared, Optional.ofNullable(scratch));
    LinearMemoryPlan plan = model.worstCasePlan(workers);
    if (!plan.fits(model.maxLinearMemory())) {
      attributes.error(budgetMessage(model, plan), culprit(model, plan, attributes));
      return new Checked.Invalid<>(report);
    }
    return new Checked.Valid<>(model);
  }

  private boolean checkMethod(
      ExecutableElement method, String what, boolean laned, Report report) {
    boolean ok = true;
    String shape = laned
        ? "static void " + method.getSimpleName() + "(CoordinatorContext<S, W> ctx)"
        : "static void " + method.getSimpleName() + "(TaskletContext<S> ctx)";
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      report.error(what + " method " + method.getSimpleName() + " must be static: " + shape,
          method);
      ok = false;
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      report.error(what + " method " + method.getSimpleName() + " must return void (results go"
          + " in the shared state or the output): " + shape, method);
      ok = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.error(what + " method " + method.getSimpleName() + " must not be generic: "
          + shape, method);
      ok = false;
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(what + " method " + method.getSimpleName() + " must not be private: its"
          + " generated launcher calls it from the same package", method);
      ok = false;
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      TypeElement exception = env.getElementUtils().getTypeElement(Exception.class.getName());
      if (exception != null && thrown.getKind() == TypeKind.DECLARED
          && !env.getTypeUtils().isAssignable(thrown, exception.asType())
          && !env.getTypeUtils().isAssignable(thrown, env.getElementUtils()
              .getTypeElement(Error.class.getName()).asType())) {
        report.error(what + " method " + method.getSimpleName() + " declares throws " + thrown
            + ", which its launcher cannot pass on: a launch reports what the method throws as"
            + " the cause of a TaskletException, and takes any Exception; declare throws"
            + " Exception or narrower", method);
        ok = false;
      }
    }
    Optional<String> unreachable = unreachable(method.getEnclosingElement());
    if (unreachable.isPresent()) {
      report.error(what + " method " + method.getSimpleName() + " cannot be called by its"
          + " generated launcher: " + unreachable.get(), method);
      ok = false;
    }
    return ok;
  }

  /** Why code in the same package cannot name {@code element}, or empty if it can. */
  private Optional<String> unreachable(Element element) {
    for (Element e = element; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (!(e instanceof TypeElement type)) {
        return Optional.of("it is declared inside a method; move it to a top-level or static"
            + " nested class");
      }
      if (type.getNestingKind() == NestingKind.ANONYMOUS
          || type.getNestingKind() == NestingKind.LOCAL) {
        return Optional.of(type.getNestingKind() == NestingKind.LOCAL
            ? "class " + type.getSimpleName() + " is local to a method; move it out"
            : "it is declared in an anonymous class; move it to a named class");
      }
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of("class " + type.getSimpleName() + " is private; make it"
            + " package-private or public");
      }
      if (type.getEnclosingElement().getKind() == ElementKind.PACKAGE) {
        Optional<String> auxiliary = RecordChecker.auxiliary(env, type);
        if (auxiliary.isPresent()) {
          return auxiliary;
        }
      }
    }
    return Optional.empty();
  }

  /** The shared state and scratch records of the parameter, or empty with errors reported. */
  private Optional<TypeElement[]> parameter(
      ExecutableElement method, String what, boolean laned, Report report) {
    String context = laned ? COORDINATOR_CONTEXT : TASKLET_CONTEXT;
    String simple = laned ? "CoordinatorContext<S, W>" : "TaskletContext<S>";
    List<? extends VariableElement> parameters = method.getParameters();
    if (parameters.size() != 1) {
      report.error(what + " method " + method.getSimpleName() + " must take exactly one"
          + " parameter, a " + simple + " where S is a @SharedState record"
          + (laned ? " and W a @WorkerScratch record" : "") + "; it takes "
          + parameters.size(), method);
      return Optional.empty();
    }
    VariableElement parameter = parameters.get(0);
    TypeMirror type = parameter.asType();
    TypeElement contextType = env.getElementUtils().getTypeElement(context);
    if (contextType == null) {
      report.error(context + " is not on the class path; add the tasklet-runtime dependency",
          parameter);
      return Optional.empty();
    }
    if (type.getKind() != TypeKind.DECLARED
        || !env.getTypeUtils().isSameType(
            env.getTypeUtils().erasure(type), env.getTypeUtils().erasure(contextType.asType()))) {
      String other = laned ? "TaskletContext<S> belongs to @Tasklet"
          : "CoordinatorContext<S, W> belongs to @Coordinator";
      report.error("the parameter of " + what + " method " + method.getSimpleName()
          + " must be a " + simple + ", not " + type + " (" + other + ")", parameter);
      return Optional.empty();
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    if (arguments.isEmpty()) {
      report.error("the parameter of " + what + " method " + method.getSimpleName()
          + " is a raw " + simple.substring(0, simple.indexOf('<')) + "; write " + simple
          + " with the records it uses", parameter);
      return Optional.empty();
    }
    TypeElement[] records = new TypeElement[arguments.size()];
    boolean ok = true;
    for (int i = 0; i < arguments.size(); i++) {
      boolean sharedState = i == 0;
      Optional<TypeElement> record = record(arguments.get(i),
          sharedState ? SharedState.class : WorkerScratch.class, parameter, sharedState ? "S" : "W",
          report);
      ok &= record.isPresent();
      records[i] = record.orElse(null);
    }
    return ok ? Optional.of(records) : Optional.empty();
  }

  private Optional<TypeElement> record(TypeMirror argument, Class<? extends Annotation> annotation,
      VariableElement parameter, String role, Report report) {
    String wanted = "@" + annotation.getSimpleName() + " record";
    if (argument.getKind() == TypeKind.WILDCARD || argument.getKind() == TypeKind.TYPEVAR) {
      report.error(role + " must be a " + wanted + ", not " + argument + "; name the record"
          + " itself", parameter);
      return Optional.empty();
    }
    if (argument.getKind() != TypeKind.DECLARED) {
      report.error(role + " must be a " + wanted + ", not " + argument, parameter);
      return Optional.empty();
    }
    TypeElement type = (TypeElement) ((DeclaredType) argument).asElement();
    if (type.getKind() != ElementKind.RECORD || type.getAnnotation(annotation) == null) {
      String instead = type.getKind() == ElementKind.RECORD
          ? "annotate " + type.getSimpleName() + " with @" + annotation.getSimpleName()
          : "declare a record annotated @" + annotation.getSimpleName();
      report.error(role + " must be a " + wanted + ", but " + type.getQualifiedName()
          + " is not; " + instead, parameter);
      return Optional.empty();
    }
    return Optional.of(type);
  }

  private Optional<String> launcherName(ExecutableElement method, Attributes attributes) {
    String name = attributes.stringValue("name");
    if (name.isEmpty()) {
      return Optional.of(LauncherModel.defaultSimpleName(
          simpleNames((TypeElement) method.getEnclosingElement()),
          method.getSimpleName().toString()));
    }
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      attributes.error("name must be a simple Java class name, was \"" + name + "\"", "name");
      return Optional.empty();
    }
    Optional<String> unusable = GeneratedNames.unusableClassName(name);
    if (unusable.isPresent()) {
      attributes.error("name = \"" + name + "\" cannot name the launcher: " + unusable.get()
          + "; choose another name", "name");
      return Optional.empty();
    }
    if (env.getElementUtils().getTypeElement("java.lang." + name) != null) {
      attributes.error("name = \"" + name + "\" would hide java.lang." + name + " from every class"
          + " in package " + packageOf((TypeElement) method.getEnclosingElement())
          + "; choose another name", "name");
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** The attribute to blame for a budget that does not fit: the largest declared contributor. */
  private static String culprit(LauncherModel model, LinearMemoryPlan plan, Attributes attributes) {
    record Part(String attribute, long bytes) {}
    List<Part> parts = new ArrayList<>(List.of(
        new Part("maxInputBytes", plan.inputBytes()),
        new Part("maxOutputBytes", plan.outputBytes()),
        new Part("workers", saturatedProduct(plan.workers(), plan.scratchBytes()))));
    parts.removeIf(part -> !attributes.isExplicit(part.attribute()));
    parts.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    if (!parts.isEmpty() && parts.get(0).bytes() > model.shared().size()) {
      return parts.get(0).attribute();
    }
    return "maxLinearMemory";
  }

  private static String budgetMessage(LauncherModel model, LinearMemoryPlan plan) {
    String lower = model.laned() ? "maxInputBytes, maxOutputBytes or workers"
        : "maxInputBytes or maxOutputBytes";
    if (plan.totalBytes() == Long.MAX_VALUE) {
      return "linear memory budget exceeded: shared " + String.format("%,d", plan.sharedBytes())
          + " B + input " + String.format("%,d", plan.inputBytes()) + " B + output "
          + String.format("%,d", plan.outputBytes()) + " B"
          + (model.laned() ? " + " + plan.workers() + " lanes x "
              + String.format("%,d", plan.scratchBytes()) + " B scratch" : "")
          + " is more than any maxLinearMemory can hold (the total exceeds "
          + String.format("%,d", Long.MAX_VALUE) + " bytes), so this declaration can never fit;"
          + " lower " + lower;
    }
    return plan.budgetExceededMessage(model.maxLinearMemory()) + "; raise maxLinearMemory to at"
        + " least " + String.format("%,d", plan.totalBytes()) + ", or lower " + lower;
  }

  private static long saturatedProduct(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  private static List<String> simpleNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      names.add(0, t.getSimpleName().toString());
    }
    return names;
  }

  private String packageOf(TypeElement type) {
    PackageElement pkg = env.getElementUtils().getPackageOf(type);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }

  private static String kind(Element element) {
    return element.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static AnnotationMirror mirror(Element element, Class<? extends Annotation> annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
        return mirror;
      }
    }
    throw new IllegalArgumentException(element + " is not annotated with " + annotation);
  }

  /** The attributes of one annotation, with defaults, and errors that point at them. */
  private final class Attributes {
    private final Element element;
    private final AnnotationMirror mirror;
    private final Report report;
    private final Map<String, AnnotationValue> explicit = new HashMap<>();
    private final Map<String, AnnotationValue> all = new HashMap<>();

    Attributes(Element element, AnnotationMirror mirror, Report report) {
      this.element = element;
      this.mirror = mirror;
      this.report = report;
      mirror.getElementValues().forEach(
          (name, value) -> explicit.put(name.getSimpleName().toString(), value));
      env.getElementUtils().getElementValuesWithDefaults(mirror).forEach(
          (name, value) -> all.put(name.getSimpleName().toString(), value));
    }

    boolean isExplicit(String name) {
      return explicit.containsKey(name);
    }

    long longValue(String name) {
      AnnotationValue value = all.get(name);
      return value != null && value.getValue() instanceof Number n ? n.longValue() : 0;
    }

    String stringValue(String name) {
      AnnotationValue value = all.get(name);
      return value != null && value.getValue() instanceof String s ? s : "";
    }

    /** Reports against attribute {@code name} if written out, else against the annotation. */
    void error(String message, String name) {
      AnnotationValue value = explicit.get(name);
      if (value != null) {
        report.error(message, element, mirror, value);
      } else {
        report.error(message, element, mirror, null);
      }
    }
  }
}
