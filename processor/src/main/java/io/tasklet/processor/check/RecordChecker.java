package io.tasklet.processor.check;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
import io.tasklet.processor.model.GeneratedNames;
import io.tasklet.processor.model.Layouts;
import io.tasklet.processor.model.Primitive;
import io.tasklet.processor.model.RecordModel;
import io.tasklet.processor.model.RecordType;
import io.tasklet.processor.model.ValueType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;

/**
 * Turns a record element into a {@link RecordModel}, or into errors.
 *
 * <p>CONTRACT: {@link #check} is memoized per record (a record that waits for types is checked
 * afresh), and returns the same {@link Report} for a record each time, which prints once: the
 * front may ask for a record as such and again for every coordinator that uses it.
 *
 * <p>A record is checked from the outside in: what it is (a reachable, non-generic record with one
 * of the two annotations), then each component, then the size of the whole. Every problem found
 * at one level is reported before giving up, so the user sees them all at once. Nested records
 * are checked (and memoized) on the way; a record currently being checked that turns up again
 * below itself is a cycle, reported on the component that closes it.
 */
public final class RecordChecker {
  private static final String SHARED_STATE = "@" + SharedState.class.getSimpleName();
  private static final String WORKER_SCRATCH = "@" + WorkerScratch.class.getSimpleName();
  private static final String SUPPORTED =
      "a primitive, an enum, a " + SHARED_STATE + " or " + WORKER_SCRATCH
          + " record, or a @Length(n) array of these";

  private final ProcessingEnvironment env;
  /** Records checked so far, valid or not, by {@link #key}; a record that waits is not kept. */
  private final Map<String, Checked<RecordModel>> checked = new HashMap<>();
  /** Records being checked, outermost first: key to display name. */
  private final LinkedHashMap<String, String> inProgress = new LinkedHashMap<>();

  public RecordChecker(ProcessingEnvironment env) {
    this.env = env;
  }

  /**
   * The layout of {@code record}, the errors that prevent it, or a wait for component types that
   * do not exist yet (they may be generated in a later round; nothing is reported then, and the
   * record is checked afresh next time). Works for records from this compilation and from class
   * files alike.
   */
  public Checked<RecordModel> check(TypeElement record) {
    String key = key(record);
    Checked<RecordModel> known = checked.get(key);
    if (known != null) {
      return known;
    }
    inProgress.put(key, displayName(record));
    try {
      Checked<RecordModel> result = checkUncached(record);
      if (!(result instanceof Checked.Waiting)) {
        checked.put(key, result);
      }
      return result;
    } finally {
      inProgress.remove(key);
    }
  }

  /**
   * Marks a record that checked valid as invalid after all, with the errors in {@code report}
   * (a generated name of it clashes with another): what uses it from now on sees the errors.
   */
  public void invalidate(TypeElement record, Report report) {
    checked.put(key(record), new Checked.Invalid<>(report));
  }

  /** Whether the record of {@link #key} {@code key} was found wrong, or {@link #invalidate}d. */
  public boolean isInvalid(String key) {
    return checked.get(key) instanceof Checked.Invalid;
  }

  private Checked<RecordModel> checkUncached(TypeElement record) {
    Report report = new Report();
    if (!checkDeclaration(record, report)) {
      return new Checked.Invalid<>(report);
    }
    if (hasUnresolvedTypes(record, new HashSet<>())) {
      return new Checked.Waiting<>();
    }
    String name = displayName(record);
    String packageName = packageOf(record);
    List<Layouts.Declared> declared = new ArrayList<>();
    boolean ok = true;
    boolean waits = false;
    Map<String, RecordComponentElement> constantNames = new HashMap<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      Checked<Layouts.Declared> one = checkComponent(name, packageName, component, report);
      switch (one) {
        case Checked.Valid<Layouts.Declared> valid -> {
          ok &= checkName(record, name, component, constantNames, report);
          declared.add(valid.model());
        }
        case Checked.Invalid<Layouts.Declared> invalid -> ok = false;
        case Checked.Waiting<Layouts.Declared> wait -> waits = true;
      }
    }
    if (!ok) {
      return new Checked.Invalid<>(report);
    }
    if (waits) {
      return new Checked.Waiting<>();
    }
    RecordModel model =
        Layouts.layOut(packageName, simpleNames(record), isShared(record), declared);
    if (!model.fits()) {
      report.error(
          String.format(
              Locale.ROOT,
              "%s takes %s bytes, more than the %,d bytes of linear memory; make its arrays"
                  + " shorter",
              name,
              model.size() == Long.MAX_VALUE
                  ? "more than " + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE)
                  : String.format(Locale.ROOT, "%,d", model.size()),
              Layouts.MAX_SIZE),
          record);
      return new Checked.Invalid<>(report);
    }
    return new Checked.Valid<>(model);
  }

  /** Checks what the annotated element is, before looking at its components. */
  private boolean checkDeclaration(TypeElement type, Report report) {
    boolean shared = hasAnnotation(type, SharedState.class);
    boolean scratch = hasAnnotation(type, WorkerScratch.class);
    String annotation = shared ? SHARED_STATE : WORKER_SCRATCH;
    String name = displayName(type);
    if (type.getKind() != ElementKind.RECORD) {
      report.error(
          String.format(
              "%s applies to records only, and %s is %s; declare it as a record whose"
                  + " components are the fields to lay out: record %s(long count) {}",
              annotation, name, kindName(type.getKind()), type.getSimpleName()),
          type);
      return false;
    }
    if (!shared && !scratch) {
      report.error(
          "record "
              + name
              + " is not annotated, so it has no layout; annotate it with "
              + SHARED_STATE
              + " or "
              + WORKER_SCRATCH,
          type);
      return false;
    }
    if (shared && scratch) {
      report.error(
          name
              + " is annotated both "
              + SHARED_STATE
              + " and "
              + WORKER_SCRATCH
              + "; a record is either the state all lanes share or one lane's scratch: keep one",
          type);
      return false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(
          String.format(
              "%s record %s is generic; a layout needs fixed component types: remove its type"
                  + " parameters and use concrete types",
              annotation, name),
          type);
      return false;
    }
    Optional<String> unreachable = unreachable(type, packageOf(type));
    if (unreachable.isPresent()) {
      report.error(
          String.format(
              "%s record %s cannot be reached by its generated %s: %s",
              annotation,
              name,
              GeneratedNames.forType(simpleNames(type), GeneratedNames.VIEW_SUFFIX),
              unreachable.get()),
          type);
      return false;
    }
    return true;
  }

  /** Whether a type this record needs, directly or through nested records, is not resolved. */
  private boolean hasUnresolvedTypes(TypeElement record, Set<String> visited) {
    if (!visited.add(key(record))) {
      return false;
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      TypeMirror type = component.asType();
      while (type.getKind() == TypeKind.ARRAY) {
        type = ((ArrayType) type).getComponentType();
      }
      if (type.getKind() == TypeKind.ERROR) {
        return true;
      }
      if (type.getKind() == TypeKind.DECLARED) {
        Element element = ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.RECORD
            && hasUnresolvedTypes((TypeElement) element, visited)) {
          return true;
        }
      }
    }
    return false;
  }

  private Checked<Layouts.Declared> checkComponent(
      String record, String packageName, RecordComponentElement component, Report report) {
    String where = "component '" + component.getSimpleName() + "' of " + record + ": ";
    TypeMirror type = component.asType();
    AnnotationMirror length = lengthAnnotation(component);
    if (type.getKind() != TypeKind.ARRAY) {
      if (length != null) {
        report.error(
            where
                + "@Length applies to array components only, but its type is "
                + typeName(type)
                + "; remove @Length",
            component,
            length,
            lengthValue(length));
        return new Checked.Invalid<>(report);
      }
      return declared(
          valueType(where, packageName, component, type, report), component,
          ComponentModel.SCALAR, report);
    }
    TypeMirror element = ((ArrayType) type).getComponentType();
    if (element.getKind() == TypeKind.ARRAY) {
      report.error(
          where
              + typeName(type)
              + ": multi-dimensional arrays cannot be laid out; use one @Length(rows * columns) "
              + typeName(innermost(type))
              + "[] and index it as row * columns + column, or an array of records",
          component);
      return new Checked.Invalid<>(report);
    }
    if (length == null) {
      report.error(
          where
              + "an array component needs @Length(n) to fix its number of elements, as in"
              + " @Length(16) "
              + typeName(type)
              + " "
              + component.getSimpleName(),
          component);
      return new Checked.Invalid<>(report);
    }
    AnnotationValue lengthValue = lengthValue(length);
    if (!(lengthValue != null && lengthValue.getValue() instanceof Integer count)) {
      return new Checked.Invalid<>(report); // javac reports the malformed annotation itself
    }
    if (count <= 0) {
      report.error(
          where + "@Length(" + count + ") must be at least 1: an array holds 1 or more elements",
          component,
          length,
          lengthValue);
      return new Checked.Invalid<>(report);
    }
    return declared(
        valueType(where, packageName, component, element, report), component, count, report);
  }

  private static Checked<Layouts.Declared> declared(
      Checked<ValueType> type, RecordComponentElement component, int length, Report report) {
    return switch (type) {
      case Checked.Valid<ValueType> valid ->
          new Checked.Valid<>(
              new Layouts.Declared(component.getSimpleName().toString(), valid.model(), length));
      case Checked.Invalid<ValueType> invalid -> new Checked.Invalid<>(report);
      case Checked.Waiting<ValueType> waiting -> new Checked.Waiting<>();
    };
  }

  /** What one value of {@code type} is stored as, or why it cannot be. */
  private Checked<ValueType> valueType(
      String where,
      String packageName,
      RecordComponentElement component,
      TypeMirror type,
      Report report) {
    if (type.getKind().isPrimitive()) {
      return new Checked.Valid<>(Primitive.valueOf(type.getKind().name()));
    }
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      if (element.getKind() == ElementKind.ENUM) {
        return enumType(where, packageName, component, element, report);
      }
      if (element.getKind() == ElementKind.RECORD) {
        return nestedRecord(where, packageName, component, element, report);
      }
    }
    report.error(
        where
            + typeName(type)
            + " cannot be laid out in linear memory; "
            + hint(type)
            + " (supported: "
            + SUPPORTED
            + ")",
        component);
    return new Checked.Invalid<>(report);
  }

  private Checked<ValueType> enumType(
      String where,
      String packageName,
      RecordComponentElement component,
      TypeElement element,
      Report report) {
    if (!reachable(where, "enum", element, packageName, component, report)) {
      return new Checked.Invalid<>(report);
    }
    int constants = 0;
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants++;
      }
    }
    if (constants == 0) {
      report.error(
          where
              + "enum "
              + displayName(element)
              + " has no constants, so no value of it can be stored; give it a constant or use"
              + " another type",
          component);
      return new Checked.Invalid<>(report);
    }
    return new Checked.Valid<>(new EnumType(packageOf(element), simpleNames(element), constants));
  }

  private Checked<ValueType> nestedRecord(
      String where,
      String packageName,
      RecordComponentElement component,
      TypeElement nested,
      Report report) {
    String name = displayName(nested);
    if (!hasAnnotation(nested, SharedState.class) && !hasAnnotation(nested, WorkerScratch.class)) {
      report.error(
          where
              + "record "
              + name
              + " is not annotated, so it has no layout to nest; annotate "
              + name
              + " with "
              + SHARED_STATE
              + " or "
              + WORKER_SCRATCH,
          component);
      return new Checked.Invalid<>(report);
    }
    if (!reachable(where, "record", nested, packageName, component, report)) {
      return new Checked.Invalid<>(report);
    }
    String key = key(nested);
    if (inProgress.containsKey(key)) {
      report.error(where + cycle(key) + "; break the cycle, for example with an index", component);
      return new Checked.Invalid<>(report);
    }
    RecordModel model;
    switch (check(nested)) {
      case Checked.Valid<RecordModel> valid -> model = valid.model();
      case Checked.Waiting<RecordModel> waiting -> {
        return new Checked.Waiting<>();
      }
      case Checked.Invalid<RecordModel> invalid -> {
        report.error(
            where + "record " + name + " cannot be laid out; fix the errors reported on it first",
            component);
        report.add(invalid.report());
        return new Checked.Invalid<>(report);
      }
    }
    if (isFromClassFile(nested)) {
      String prefix = model.packageName().isEmpty() ? "" : model.packageName() + ".";
      for (String generated : List.of(model.viewSimpleName())) {
        if (env.getElementUtils().getTypeElement(prefix + generated) == null) {
          report.error(
              where
                  + "record "
                  + name
                  + " comes from a class file without its generated "
                  + generated
                  + "; compile "
                  + name
                  + " with the tasklet annotation processor and put the result on the classpath",
              component);
          return new Checked.Invalid<>(report);
        }
      }
    }
    return new Checked.Valid<>(new RecordType(model));
  }

  private String cycle(String closing) {
    List<String> path = new ArrayList<>();
    boolean inCycle = false;
    for (Map.Entry<String, String> entry : inProgress.entrySet()) {
      inCycle |= entry.getKey().equals(closing);
      if (inCycle) {
        path.add(entry.getValue());
      }
    }
    path.add(path.getFirst());
    return "record "
        + path.getFirst()
        + " contains itself ("
        + String.join(" -> ", path)
        + "); a record cannot nest itself, directly or indirectly, because its size would be"
        + " infinite";
  }

  private boolean checkName(
      TypeElement record,
      String name,
      RecordComponentElement component,
      Map<String, RecordComponentElement> constantNames,
      Report report) {
    String componentName = component.getSimpleName().toString();
    String where = "component '" + componentName + "' of " + name + ": ";
    String view = GeneratedNames.forType(simpleNames(record), GeneratedNames.VIEW_SUFFIX);
    String reserved = GeneratedNames.VIEW_MEMBERS.get(componentName);
    if (reserved != null) {
      report.error(
          where + "the name clashes with " + view + "." + reserved + "; rename the component",
          component);
      return false;
    }
    String constant = ComponentModel.constantCase(componentName);
    RecordComponentElement other = constantNames.putIfAbsent(constant, component);
    if (other != null) {
      report.error(
          where
              + "its layout constant "
              + GeneratedNames.offsetOf(componentName)
              + " would be the same as that of component '"
              + other.getSimpleName()
              + "'; rename one of them",
          component);
      return false;
    }
    return true;
  }

  private boolean reachable(
      String where,
      String what,
      TypeElement type,
      String fromPackage,
      Element component,
      Report report) {
    Optional<String> why = unreachable(type, fromPackage);
    if (why.isPresent()) {
      report.error(
          where + what + " " + displayName(type) + " cannot be reached: " + why.get(), component);
      return false;
    }
    return true;
  }

  /**
   * Why code generated in {@code fromPackage} cannot name {@code type}, or empty when it can:
   * neither it nor any class around it may be private or local, and outside its own package they
   * must all be public.
   */
  private Optional<String> unreachable(TypeElement type, String fromPackage) {
    boolean samePackage = packageOf(type).equals(fromPackage);
    Element current = type;
    while (current instanceof TypeElement element) {
      boolean self = element.equals(type);
      String name = self ? displayName(type) + " is" : displayName(type) + " is nested in "
          + kindName(element.getKind()) + " " + element.getSimpleName() + ", which is";
      if (element.getNestingKind() == NestingKind.LOCAL
          || element.getNestingKind() == NestingKind.ANONYMOUS) {
        return Optional.of(
            name
                + " declared inside a method; declare it at the top level or as a member of a"
                + " class");
      }
      Set<Modifier> modifiers = element.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        return Optional.of(name + " private; make it package-private or public");
      }
      if (!samePackage && !modifiers.contains(Modifier.PUBLIC)) {
        return Optional.of(
            name + " not public and lives in another package; make it public");
      }
      if (!(element.getEnclosingElement() instanceof TypeElement)) {
        Optional<String> auxiliary = auxiliary(env, element);
        if (auxiliary.isPresent()) {
          return auxiliary;
        }
      }
      current = element.getEnclosingElement();
    }
    return Optional.empty();
  }

  /**
   * Why top-level class {@code type} cannot be used from generated files, or empty: javac warns
   * about every use of an auxiliary class (a second top-level class, in a file named after
   * another) from another file, and no annotation suppresses that warning. Only javac has it, so
   * only on javac is it looked for.
   */
  static Optional<String> auxiliary(ProcessingEnvironment env, TypeElement type) {
    if (!env.getClass().getName().startsWith("com.sun.tools.javac")) {
      return Optional.empty();
    }
    JavaFileObject file;
    try {
      file = env.getElementUtils().getFileObjectOf(type);
    } catch (UnsupportedOperationException cannotTell) {
      return Optional.empty();
    }
    String name = type.getSimpleName().toString();
    if (file == null
        || file.getKind() != JavaFileObject.Kind.SOURCE
        || file.isNameCompatible(name, JavaFileObject.Kind.SOURCE)) {
      return Optional.empty();
    }
    return Optional.of(
        name
            + " is a second top-level class in another class's file, and javac warns about"
            + " every use of such an auxiliary class from another file, generated ones included;"
            + " move "
            + name
            + " to a file of its own, "
            + name
            + ".java, or nest it in a class");
  }

  /** What to write instead of an unsupported type. */
  private String hint(TypeMirror type) {
    Types types = env.getTypeUtils();
    Elements elements = env.getElementUtils();
    if (type.getKind() == TypeKind.DECLARED) {
      String qualified =
          ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
      if (qualified.equals(String.class.getName())) {
        return "use @Length(n) byte[] or char[]";
      }
      if (qualified.equals(AtomicLong.class.getName())
          || qualified.equals(AtomicInteger.class.getName())) {
        String primitive = qualified.equals(AtomicLong.class.getName()) ? "long" : "int";
        return "use "
            + primitive
            + ": the views of "
            + SHARED_STATE
            + " records update it atomically (compareAndSet..., getAndAdd...)";
      }
      try {
        return "use " + types.unboxedType(type);
      } catch (IllegalArgumentException notABox) {
        // not a box: try the other hints
      }
      for (Class<?> container : List.of(Collection.class, Map.class)) {
        TypeElement containerElement = elements.getTypeElement(container.getName());
        if (containerElement != null
            && types.isAssignable(types.erasure(type), types.erasure(containerElement.asType()))) {
          return "use a @Length(n) array with a fixed number of elements";
        }
      }
    }
    return "use " + SUPPORTED;
  }

  private static AnnotationMirror lengthAnnotation(RecordComponentElement component) {
    AnnotationMirror onComponent = annotation(component, Length.class);
    if (onComponent != null) {
      return onComponent;
    }
    ExecutableElement accessor = component.getAccessor();
    return accessor == null ? null : annotation(accessor, Length.class);
  }

  private static AnnotationValue lengthValue(AnnotationMirror length) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        length.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static AnnotationMirror annotation(Element element, Class<?> annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  private static boolean hasAnnotation(Element element, Class<?> annotation) {
    return annotation(element, annotation) != null;
  }

  private static boolean isShared(TypeElement record) {
    return hasAnnotation(record, SharedState.class);
  }

  private boolean isFromClassFile(TypeElement type) {
    try {
      JavaFileObject file = env.getElementUtils().getFileObjectOf(type);
      return file != null && file.getKind() == JavaFileObject.Kind.CLASS;
    } catch (UnsupportedOperationException notKnown) {
      return false; // a compiler that cannot tell: the generated code will show what is missing
    }
  }

  /**
   * The key a record is known by: its canonical name, so that a top-level {@code A$B} and a
   * nested {@code A.B} (one binary name) stay apart; a local record, which has none, goes by its
   * binary name.
   */
  public String key(TypeElement type) {
    Name qualified = type.getQualifiedName();
    return qualified.isEmpty()
        ? env.getElementUtils().getBinaryName(type).toString()
        : qualified.toString();
  }

  private String packageOf(Element element) {
    return env.getElementUtils().getPackageOf(element).getQualifiedName().toString();
  }

  /** Simple names from the outermost enclosing class down to {@code type}. */
  private static List<String> simpleNames(TypeElement type) {
    Deque<String> names = new ArrayDeque<>();
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      names.addFirst(t.getSimpleName().toString());
    }
    return List.copyOf(names);
  }

  private static String displayName(TypeElement type) {
    return String.join(".", simpleNames(type));
  }

  private static String typeName(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> ((DeclaredType) type).asElement().getSimpleName().toString();
      case ARRAY -> typeName(((ArrayType) type).getComponentType()) + "[]";
      default -> type.toString();
    };
  }

  private static TypeMirror innermost(TypeMirror type) {
    TypeMirror current = type;
    while (current.getKind() == TypeKind.ARRAY) {
      current = ((ArrayType) current).getComponentType();
    }
    return current;
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation interface";
      case RECORD -> "a record";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
