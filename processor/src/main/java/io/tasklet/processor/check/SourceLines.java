package io.tasklet.processor.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Source files parsed with the JDK's own parser, for compilers that give processors no syntax
 * trees and cannot place every element (ecj): where a declaration is, as a line of its file.
 * Works when the JDK's compiler module is at hand, and finds nothing otherwise.
 */
public final class SourceLines {
  private SourceLines() {}

  /** A parsed file: its compilation unit, and the positions of its trees. */
  public record Parsed(CompilationUnitTree unit, SourcePositions positions) {
    /** The line {@code tree} starts on. */
    public long line(Tree tree) {
      return unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
    }
  }

  /** {@code file}, parsed; empty if it cannot be read or the JDK has no compiler. */
  public static Optional<Parsed> parse(JavaFileObject file) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null || file.getKind() != JavaFileObject.Kind.SOURCE) {
      return Optional.empty();
    }
    try {
      String text = file.getCharContent(true).toString();
      JavaFileObject copy = new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      };
      JavacTask task = (JavacTask) javac.getTask(
          Writer.nullWriter(), null, diagnostic -> {}, List.of("-proc:none"), null,
          List.of(copy));
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      for (CompilationUnitTree unit : task.parse()) {
        return Optional.of(new Parsed(unit, positions));
      }
    } catch (IOException | RuntimeException | LinkageError cannotParse) {
      // no line then; the compiler reports what is wrong with the file itself
    }
    return Optional.empty();
  }

  /**
   * Where {@code element} (a type, nested or not, or a record component) is declared: {@code
   * "Histogram.java, line 12"}, or empty when it cannot be told.
   */
  public static Optional<String> where(Elements elements, Element element) {
    Deque<String> names = new ArrayDeque<>();
    String component = null;
    Element type = element;
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      component = element.getSimpleName().toString();
      type = element.getEnclosingElement();
    }
    TypeElement top = null;
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      names.addFirst(t.getSimpleName().toString());
      top = t;
    }
    if (top == null) {
      return Optional.empty();
    }
    JavaFileObject file;
    try {
      file = elements.getFileObjectOf(top);
    } catch (UnsupportedOperationException cannotTell) {
      return Optional.empty();
    }
    if (file == null) {
      return Optional.empty();
    }
    Optional<Parsed> parsed = parse(file);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    List<? extends Tree> members = parsed.get().unit().getTypeDecls();
    Tree found = null;
    for (String name : names) {
      found = named(members, name);
      if (!(found instanceof ClassTree classTree)) {
        return Optional.empty();
      }
      members = classTree.getMembers();
    }
    if (component != null) {
      found = named(members, component);
    }
    if (found == null) {
      return Optional.empty();
    }
    String path = file.toUri().getPath();
    return Optional.of(
        path.substring(path.lastIndexOf('/') + 1) + ", line " + parsed.get().line(found));
  }

  private static Tree named(List<? extends Tree> members, String name) {
    for (Tree member : members) {
      if ((member instanceof ClassTree type && type.getSimpleName().contentEquals(name))
          || (member instanceof VariableTree variable
              && variable.getName().contentEquals(name))) {
        return member;
      }
    }
    return null;
  }
}
