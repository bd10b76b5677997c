package io.tasklet.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.tasklet.processor.write.GeneratedTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports annotated types declared inside code (a method, a lambda, an initializer or an anonymous
 * class): {@link RoundEnvironment#getElementsAnnotatedWith} never returns them, and the generated
 * classes could not name them anyway, so without this they would silently get nothing.
 *
 * <p>Bodies are not attributed yet while processors run, so this works on the syntax tree: an
 * annotation counts when its name is the fully qualified one, or the simple one with the
 * compilation unit importing it (alone or with its package). It needs javac's tree API; on another
 * compiler it finds nothing. Errors go through {@link Trees#printMessage}, since such a type has no
 * element yet to report against. Like every check here it runs only when javac runs the
 * processor, that is when the compilation has at least one annotated member or top-level element.
 */
final class LocalDeclarations {
  private final Trees trees;

  private LocalDeclarations(Trees trees) {
    this.trees = trees;
  }

  static LocalDeclarations of(ProcessingEnvironment env) {
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      trees = null;
    }
    return new LocalDeclarations(trees);
  }

  /**
   * Reports every type of this round declared inside code and annotated with one of {@code
   * annotations}. Each compilation unit is scanned once, and the units this processor generated
   * are skipped: they never declare a type inside code.
   */
  void reportLocal(RoundEnvironment round, List<Class<?>> annotations) {
    if (trees == null) {
      return;
    }
    Set<CompilationUnitTree> units = new HashSet<>();
    for (Element root : round.getRootElements()) {
      if (GeneratedTypes.generatedHere(root)) {
        continue;
      }
      TreePath path = trees.getPath(root);
      if (path != null && units.add(path.getCompilationUnit())) {
        scan(path.getCompilationUnit(), annotations);
      }
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

  private void scan(CompilationUnitTree unit, List<Class<?>> annotations) {
    List<Names> names = annotations.stream().map(a -> Names.in(unit, a)).toList();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (insideCode(getCurrentPath())) {
          for (AnnotationTree annotationTree : tree.getModifiers().getAnnotations()) {
            String name = annotationTree.getAnnotationType().toString();
            for (Names annotation : names) {
              if (annotation.match(name)) {
                report(tree, unit, annotation.simple());
              }
            }
          }
        }
        return super.visitClass(tree, unused);
      }
    }.scan(unit, null);
  }

  private void report(ClassTree tree, CompilationUnitTree unit, String annotation) {
    trees.printMessage(
        Diagnostic.Kind.ERROR,
        String.format(
            "@%s type %s is declared inside code (a method, lambda, initializer or"
                + " anonymous class), where its generated %sLayout and %sView cannot"
                + " reach it; declare it at the top level or as a member of a class",
            annotation,
            tree.getSimpleName(),
            tree.getSimpleName(),
            tree.getSimpleName()),
        tree,
        unit);
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
