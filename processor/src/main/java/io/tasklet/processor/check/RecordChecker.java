package io.tasklet.processor.check;

import io.tasklet.annotations.Length;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.processor.model.ComponentModel;
import io.tasklet.processor.model.EnumType;
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
 * <p>CONTRACT: {@link #check} is memoized per record and reports each record's errors once, so
 * both the record step and the coordinator step may ask for the same record.
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

  /** Names the generated view reserves for itself; a component cannot take them. */
  private static final Map<String, String> RESERVED_NAMES =
      Map.of("segment", "segment()", "read", "read()");

  private final ProcessingEnvironment env;
  private final ErrorReporter reporter;
  private final Map<String, Optional<RecordModel>> checked = new HashMap<>();
  private final Set<String> waiting = new HashSet<>();
  /** Records being checked, outermost first: binary name to display name. */
  private final LinkedHashMap<String, String> inProgress = new LinkedHashMap<>();

  public RecordChecker(ProcessingEnvironment env, ErrorReporter reporter) {
    this.env = env;
    this.reporter = reporter;
  }

  /**
   * The layout of {@code record}, or empty when it cannot be laid out (the errors have then been
   * reported) or cannot be laid out yet (see {@link #waitsForTypes}). Works for records from this
   * compilation and from class files alike.
   */
  public Optional<RecordModel> check(TypeElement record) {
    String key = key(record);
    Optional<RecordModel> known = checked.get(key);
    if (known != null) {
      return known;
    }
    inProgress.put(key, displayName(record));
    try {
      Optional<RecordModel> model = checkUncached(record);
      if (waiting.contains(key)) {
        return Optional.empty();
      }
      checked.put(key, model);
      return model;
    } finally {
      inProgress.remove(key);
    }
  }

  /**
   * Whether the last {@link #check} of {@code record} came back empty only because a type it
   * uses does not exist yet (it may be generated in a later round). Nothing has been reported
   * then; check it again in the next round.
   */
  public boolean waitsForTypes(TypeElement record) {
    return waiting.contains(key(record));
  }

  private Optional<RecordModel> checkUncached(TypeElement record) {
    String key = key(record);
    waiting.remove(key);
    if (!checkDeclaration(record)) {
      return Optional.empty();
    }
    if (hasUnresolvedTypes(record, new HashSet<>())) {
      waiting.add(key);
      return Optional.empty();
    }
    String name = displayName(record);
    String packageName = packageOf(record);
    List<Layouts.Declared> declared = new ArrayList<>();
    boolean ok = true;
    Map<String, RecordComponentElement> constantNames = new HashMap<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      Optional<Layouts.Declared> one = checkComponent(name, packageName, component);
      if (one.isEmpty()) {
        ok = false;
        continue;
      }
      ok &= checkName(record, name, component, constantNames);
      declared.add(one.get());
    }
    if (!ok) {
      return Optional.empty();
    }
    RecordModel model =
        Layouts.layOut(packageName, simpleNames(record), isShared(record), declared);
    if (!model.fits()) {
      reporter.error(
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
      return Optional.empty();
    }
    return Optional.of(model);
  }

  /** Checks what the annotated element is, before looking at its components. */
  private boolean checkDeclaration(TypeElement type) {
    boolean shared = hasAnnotation(type, SharedState.class);
    boolean scratch = hasAnnotation(type, WorkerScratch.class);
    String annotation = shared ? SHARED_STATE : WORKER_SCRATCH;
    String name = displayName(type);
    if (type.getKind() != ElementKind.RECORD) {
      reporter.error(
          String.format(
              "%s applies to records only, and %s is %s; declare it as a record whose"
                  + " components are the fields to lay out: record %s(long count) {}",
              annotation, name, kindName(type.getKind()), type.getSimpleName()),
          type);
      return false;
    }
    if (!shared && !scratch) {
      reporter.error(
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
      reporter.error(
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
      reporter.error(
          String.format(
              "%s record %s is generic; a layout needs fixed component types: remove its type"
                  + " parameters and use concrete types",
              annotation, name),
          type);
      return false;
    }
    Optional<String> unreachable = unreachable(type, packageOf(type));
    if (unreachable.isPresent()) {
      reporter.error(
          String.format(
              "%s record %s cannot be reached by its generated %s and %s: %s",
              annotation,
              name,
              String.join("_", simpleNames(type)) + "Layout",
              String.join("_", simpleNames(type)) + "View",
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

  private Optional<Layouts.Declared> checkComponent(
      String record, String packageName, RecordComponentElement component) {
    String where = "component '" + component.getSimpleName() + "' of " + record + ": ";
    TypeMirror type = component.asType();
    AnnotationMirror length = lengthAnnotation(component);
    if (type.getKind() != TypeKind.ARRAY) {
      if (length != null) {
        reporter.error(
            where
                + "@Length applies to array components only, but its type is "
                + typeName(type)
                + "; remove @Length",
            component,
            length,
            lengthValue(length));
        return Optional.empty();
      }
      return valueType(where, packageName, component, type)
          .map(value -> declared(component, value, ComponentModel.SCALAR));
    }
    TypeMirror element = ((ArrayType) type).getComponentType();
    if (element.getKind() == TypeKind.ARRAY) {
      reporter.error(
          where
              + typeName(type)
              + ": multi-dimensional arrays cannot be laid out; use one @Length(rows * columns) "
              + typeName(innermost(type))
              + "[] and index it as row * columns + column, or an array of records",
          component);
      return Optional.empty();
    }
    if (length == null) {
      reporter.error(
          where
              + "an array component needs @Length(n) to fix its number of elements, as in"
              + " @Length(16) "
              + typeName(type)
              + " "
              + component.getSimpleName(),
          component);
      return Optional.empty();
    }
    AnnotationValue lengthValue = lengthValue(length);
    if (!(lengthValue != null && lengthValue.getValue() instanceof Integer count)) {
      return Optional.empty(); // javac reports the malformed annotation itself
    }
    if (count <= 0) {
      reporter.error(
          where + "@Length(" + count + ") must be at least 1: an array holds 1 or more elements",
          component,
          length,
          lengthValue);
      return Optional.empty();
    }
    return valueType(where, packageName, component, element)
        .map(value -> declared(component, value, count));
  }

  private static Layouts.Declared declared(
      RecordComponentElement component, ValueType type, int length) {
    return new Layouts.Declared(component.getSimpleName().toString(), type, length);
  }

  /** What one value of {@code type} is stored as, or empty after reporting why it cannot be. */
  private Optional<ValueType> valueType(
      String where, String packageName, RecordComponentElement component, TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Optional.of(Primitive.valueOf(type.getKind().name()));
    }
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      if (element.getKind() == ElementKind.ENUM) {
        return reachable(where, "enum", element, packageName, component)
            ? Optional.of(enumType(element))
            : Optional.empty();
      }
      if (element.getKind() == ElementKind.RECORD) {
        return nestedRecord(where, packageName, component, element);
      }
    }
    reporter.error(
        where
            + typeName(type)
            + " cannot be laid out in linear memory; "
            + hint(type)
            + " (supported: "
            + SUPPORTED
            + ")",
        component);
    return Optional.empty();
  }

  private Optional<ValueType> nestedRecord(
      String where, String packageName, RecordComponentElement component, TypeElement nested) {
    String name = displayName(nested);
    if (!hasAnnotation(nested, SharedState.class) && !hasAnnotation(nested, WorkerScratch.class)) {
      reporter.error(
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
      return Optional.empty();
    }
    if (!reachable(where, "record", nested, packageName, component)) {
      return Optional.empty();
    }
    String key = key(nested);
    if (inProgress.containsKey(key)) {
      reporter.error(where + cycle(key) + "; break the cycle, for example with an index", component);
      return Optional.empty();
    }
    Optional<RecordModel> model = check(nested);
    if (model.isEmpty()) {
      reporter.error(
          where + "record " + name + " cannot be laid out; fix the errors reported on it first",
          component);
      return Optional.empty();
    }
    if (isFromClassFile(nested)) {
      String prefix = model.get().packageName().isEmpty() ? "" : model.get().packageName() + ".";
      for (String generated :
          List.of(model.get().layoutSimpleName(), model.get().viewSimpleName())) {
        if (env.getElementUtils().getTypeElement(prefix + generated) == null) {
          reporter.error(
              where
                  + "record "
                  + name
                  + " comes from a class file without its generated "
                  + generated
                  + "; compile "
                  + name
                  + " with the tasklet annotation processor and put the result on the classpath",
              component);
          return Optional.empty();
        }
      }
    }
    return Optional.of(new RecordType(model.get()));
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
      Map<String, RecordComponentElement> constantNames) {
    String componentName = component.getSimpleName().toString();
    String where = "component '" + componentName + "' of " + name + ": ";
    String view = String.join("_", simpleNames(record)) + "View";
    String reserved = RESERVED_NAMES.get(componentName);
    if (reserved != null) {
      reporter.error(
          where + "the name clashes with " + view + "." + reserved + "; rename the component",
          component);
      return false;
    }
    String constant = ComponentModel.constantCase(componentName);
    RecordComponentElement other = constantNames.putIfAbsent(constant, component);
    if (other != null) {
      reporter.error(
          where
              + "its layout constant OFFSET_"
              + constant
              + " would be the same as that of component '"
              + other.getSimpleName()
              + "'; rename one of them",
          component);
      return false;
    }
    if (isShared(record)) {
      for (RecordComponentElement sibling : record.getRecordComponents()) {
        String capitalized = ComponentModel.capitalize(sibling.getSimpleName().toString());
        for (String operation :
            List.of(
                "getVolatile",
                "setVolatile",
                "getAcquire",
                "setRelease",
                "compareAndSet",
                "getAndAdd")) {
          if (componentName.equals(operation + capitalized)) {
            reporter.error(
                where
                    + "the name clashes with "
                    + view
                    + "'s "
                    + componentName
                    + " operation on component '"
                    + sibling.getSimpleName()
                    + "'; rename one of them",
                component);
            return false;
          }
        }
      }
    }
    return true;
  }

  private boolean reachable(
      String where, String what, TypeElement type, String fromPackage, Element component) {
    Optional<String> why = unreachable(type, fromPackage);
    if (why.isPresent()) {
      reporter.error(
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
      current = element.getEnclosingElement();
    }
    return Optional.empty();
  }

  private EnumType enumType(TypeElement element) {
    int constants = 0;
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants++;
      }
    }
    return new EnumType(packageOf(element), simpleNames(element), constants);
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

  private String key(TypeElement type) {
    return env.getElementUtils().getBinaryName(type).toString();
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
