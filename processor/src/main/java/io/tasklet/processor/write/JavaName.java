package io.tasklet.processor.write;

import java.util.List;

/**
 * The name of a class a generated file refers to: its package and its simple names, outermost
 * first ({@code com.example}, {@code [Outer, Inner]}).
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleNames the simple names from the top-level class down; at least one
 */
public record JavaName(String packageName, List<String> simpleNames) {
  public JavaName {
    simpleNames = List.copyOf(simpleNames);
    if (simpleNames.isEmpty()) {
      throw new IllegalArgumentException("a class in " + packageName + " without a name");
    }
  }

  /** The name of {@code type}, a class that is neither local nor anonymous. */
  public static JavaName of(Class<?> type) {
    String binary = type.getName().substring(type.getPackageName().isEmpty() ? 0
        : type.getPackageName().length() + 1);
    return new JavaName(type.getPackageName(), List.of(binary.split("\\$")));
  }

  /** The class {@code simpleName} in {@code packageName}. */
  public static JavaName of(String packageName, String simpleName) {
    return new JavaName(packageName, List.of(simpleName));
  }

  /** The simple names joined as in code: {@code Outer.Inner}. */
  public String nestedName() {
    return String.join(".", simpleNames);
  }

  /** The canonical name of the top-level class: {@code com.example.Outer}. */
  String topLevel() {
    return qualify(simpleNames.getFirst());
  }

  /** The canonical name: {@code com.example.Outer.Inner}. */
  public String canonicalName() {
    return qualify(nestedName());
  }

  private String qualify(String name) {
    return packageName.isEmpty() ? name : packageName + "." + name;
  }
}
