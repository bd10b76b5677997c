package io.tasklet.processor;

import static javax.tools.Diagnostic.Kind.ERROR;

import com.google.auto.service.AutoService;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.tasklet.annotations.Coordinator;
import io.tasklet.annotations.SharedState;
import io.tasklet.annotations.Tasklet;
import io.tasklet.annotations.WorkerScratch;
import io.tasklet.processor.check.SourceLines;
import io.tasklet.processor.write.GeneratedTypes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Reports this library's annotations on declarations inside code: a record declared in a method,
 * a lambda or an initializer, and a {@code @Coordinator} or {@code @Tasklet} method of a local or
 * anonymous class (an enum constant's body included). {@link
 * RoundEnvironment#getElementsAnnotatedWith} never returns them, and generated classes could not
 * name them anyway, so without this they would silently get nothing.
 *
 * <p>It is a processor of its own, for every annotation ({@code "*"}): javac runs a processor only
 * when an annotation it supports appears on a declaration outside code, or when it supports them
 * all, and a compilation whose only annotated record is a local one has none outside code. It
 * claims nothing, so every annotation stays free for other processors; and it must run before
 * {@link TaskletProcessor}, which claims this library's annotations: javac hands a processor only
 * the annotations no earlier one claimed, and calls it only when there are some. The service file
 * lists the two in that order (it is sorted by name).
 *
 * <p>Bodies are not attributed yet while processors run, so this works on the syntax tree: an
 * annotation counts when its name is the fully qualified one, or the simple one with the
 * compilation unit importing it (alone or with its package). Under javac, errors go through
 * {@link Trees#printMessage}, since such a declaration has no element yet to report against.
 * Ecj gives processors no view inside method bodies: there the file is parsed again with the
 * JDK's own parser, and errors go on the top-level class, naming the line.
 */
@AutoService(Processor.class)
public final class LocalDeclarationsProcessor extends AbstractProcessor {
  private static final List<Class<?>> TYPE_ANNOTATIONS =
      List.of(SharedState.class, WorkerScratch.class);
  private static final List<Class<?>> METHOD_ANNOTATIONS =
      List.of(Coordinator.class, Tasklet.class);

  private Trees trees;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = treesOf(env);
  }

  /**
   * Javac's trees, or null on another compiler. A build tool may hand processors its own wrapper
   * around javac's environment (Gradle does, to track what each generated file comes from); the
   * wrapped one is found through the wrapper's field that holds it.
   */
  private static Trees treesOf(ProcessingEnvironment env) {
    ProcessingEnvironment current = env;
    for (int depth = 0; current != null && depth < 4; depth++) {
      try {
        return Trees.instance(current);
      } catch (IllegalArgumentException | LinkageError notJavacsOwn) {
        current = wrapped(current);
      }
    }
    return null;
  }

  private static ProcessingEnvironment wrapped(ProcessingEnvironment wrapper) {
    for (Class<?> type = wrapper.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (ProcessingEnvironment.class.isAssignableFrom(field.getType())
            && !Modifier.isStatic(field.getModifiers())) {
          try {
            field.setAccessible(true);
            return (ProcessingEnvironment) field.get(wrapper);
          } catch (RuntimeException | IllegalAccessException inaccessible) {
            return null;
          }
        }
      }
    }
    return null;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      return false;
    }
    Set<Object> units = new HashSet<>();
    for (Element root : round.getRootElements()) {
      if (GeneratedTypes.generatedHere(root)) {
        continue; // generated code never declares a type inside code
      }
      TreePath path = trees == null ? null : trees.getPath(root);
      if (path != null) {
        CompilationUnitTree unit = path.getCompilationUnit();
        if (units.add(unit) && mentionsTheAnnotations(unit.getSourceFile())) {
          scan(unit, (message, tree) -> trees.printMessage(ERROR, message, tree, unit));
        }
      } else if (trees == null) {
        scanParsed(root, units);
      }
    }
    return false; // claims nothing: see the class comment
  }

  /** Where an error about a tree of a unit goes. */
  private interface Reporter {
    void report(String message, Tree tree);
  }

  /**
   * The fallback on a compiler without javac's trees (ecj): parses the file of {@code root} with
   * javac's parser, when the JDK has it, and reports on {@code root}, the top-level class, naming
   * the line; a compiler's messager places errors on elements only, and a declaration inside code
   * has none.
   */
  private void scanParsed(Element root, Set<Object> files) {
    JavaFileObject file;
    try {
      file = processingEnv.getElementUtils().getFileObjectOf(root);
    } catch (UnsupportedOperationException cannotTell) {
      return;
    }
    if (file == null || !files.add(file.toUri()) || !mentionsTheAnnotations(file)) {
      return;
    }
    SourceLines.parse(file)
        .ifPresent(parsed -> scan(parsed.unit(), (message, tree) ->
            processingEnv.getMessager().printMessage(
                ERROR, message + " (line " + parsed.line(tree) + ")", root)));
  }

  /**
   * Whether the unit's text names the annotations' package, as it must to use one of them
   * (imported or written out): a cheap test that spares every other unit a walk of its tree.
   */
  private static boolean mentionsTheAnnotations(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString().contains(SharedState.class.getPackageName());
    } catch (IOException unreadable) {
      return true;
    }
  }

  /** How a compilation unit may name an annotation type in an annotation. */
  private record Names(String qualified, String simple, boolean simpleMeansIt) {
    static Names in(CompilationUnitTree unit, Class<?> annotation) {
      String qualified = annotation.getCanonicalName();
      boolean imported = false;
      for (ImportTree importTree : unit.getImports()) {
        String name = importTree.getQualifiedIdentifier().toString();
        imported |=
            !importTree.isStatic()
                && (name.equals(qualified) || name.equals(annotation.getPackageName() + ".*"));
      }
      return new Names(qualified, annotation.getSimpleName(), imported);
    }

    boolean match(String name) {
      return name.equals(qualified) || (simpleMeansIt && name.equals(simple));
    }
  }

  private void scan(CompilationUnitTree unit, Reporter reporter) {
    List<Names> types = TYPE_ANNOTATIONS.stream().map(a -> Names.in(unit, a)).toList();
    List<Names> methods = METHOD_ANNOTATIONS.stream().map(a -> Names.in(unit, a)).toList();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (insideCode(getCurrentPath())) {
          for (String annotation : matching(tree.getModifiers().getAnnotations(), types)) {
            reporter.report(
                String.format(
                    "@%s type %s is declared inside code (a method, lambda, initializer or"
                        + " anonymous class), where its generated %sLayout and %sView cannot"
                        + " reach it; declare it at the top level or as a member of a class",
                    annotation,
                    tree.getSimpleName(),
                    tree.getSimpleName(),
                    tree.getSimpleName()),
                tree);
          }
        }
        return super.visitClass(tree, unused);
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        TreePath owner = getCurrentPath().getParentPath();
        if (owner.getLeaf() instanceof ClassTree type
            && (insideCode(owner) || type.getSimpleName().isEmpty())) {
          for (String annotation : matching(tree.getModifiers().getAnnotations(), methods)) {
            reporter.report(
                String.format(
                    "@%s method %s is declared in %s, where its generated launcher cannot call"
                        + " it; move it to a top-level class or a static nested class",
                    annotation,
                    tree.getName(),
                    type.getSimpleName().isEmpty()
                        ? "an anonymous class (or an enum constant's body)"
                        : "class " + type.getSimpleName() + ", which is local to a method"),
                tree);
          }
        }
        return super.visitMethod(tree, unused);
      }
    }.scan(unit, null);
  }

  /** The simple names of the annotations among {@code names} that {@code written} uses. */
  private static List<String> matching(
      List<? extends AnnotationTree> written, List<Names> names) {
    List<String> found = new ArrayList<>();
    for (AnnotationTree annotationTree : written) {
      String name = annotationTree.getAnnotationType().toString();
      for (Names annotation : names) {
        if (annotation.match(name)) {
          found.add(annotation.simple());
        }
      }
    }
    return found;
  }

  private static boolean insideCode(TreePath path) {
    for (TreePath parent = path.getParentPath(); parent != null; parent = parent.getParentPath()) {
      Tree.Kind kind = parent.getLeaf().getKind();
      switch (kind) {
        case COMPILATION_UNIT, CLASS, RECORD, INTERFACE, ENUM, ANNOTATION_TYPE -> {}
        default -> {
          return true;
        }
      }
    }
    return false;
  }
}
