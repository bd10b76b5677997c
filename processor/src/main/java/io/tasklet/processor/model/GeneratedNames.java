package io.tasklet.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every name the processor makes up, in one place: the classes it generates for records and
 * methods, the constants of a layout, and the members of a view. Checkers ask here whether a
 * user's name would collide with one of these; writers take their names from here. Clashes
 * between whole generated classes, and with the user's classes, are found where the files are
 * planned ({@code GeneratedFiles} in the processor's front), from the names given here.
 */
public final class GeneratedNames {
  /** Suffix of a record's class, its layout and view: {@code HistogramView}. */
  public static final String VIEW_SUFFIX = "View";
  /** Suffix of a method's default launcher: {@code ByteHistogramCountTasklet}. */
  public static final String LAUNCHER_SUFFIX = "Tasklet";

  private static final String OFFSET = "OFFSET_";
  private static final String LENGTH = "LENGTH_";
  /**
   * Prefix of the constant that holds a component's descriptor. The constants of a view start
   * with {@code OFFSET_}, {@code LENGTH_} and this, or are {@code SIZE}, {@code
   * ALIGNMENT} and {@code LAYOUT}: no two can be the same unless two components have the same
   * constant case, which the checker reports.
   */
  private static final String COMPONENT = "COMPONENT_";

  /** Members every view has, which a component cannot be named after, with how they read. */
  public static final Map<String, String> VIEW_MEMBERS =
      Map.of("segment", "segment()", "read", "read()");

  /**
   * Identifiers that are not keywords but cannot name a type ({@code var}, {@code yield},
   * {@code record}, {@code sealed}, {@code permits}); {@code yield} also cannot name a method
   * called without a qualifier, which is why generated code calls accessors as {@code this.x()}.
   */
  public static final Set<String> RESTRICTED_IDENTIFIERS =
      Set.of("var", "yield", "record", "sealed", "permits");

  private GeneratedNames() {}

  /** Simple name of a class generated for the type {@code simpleNames}: {@code Outer_InnerView}. */
  public static String forType(List<String> simpleNames, String suffix) {
    return String.join("_", simpleNames) + suffix;
  }

  /** Simple name of the default launcher of {@code method} in the class {@code enclosing}. */
  public static String launcher(List<String> enclosing, String method) {
    return forType(enclosing, capitalize(method) + LAUNCHER_SUFFIX);
  }

  /** {@code OFFSET_BYTES_SEEN}. */
  public static String offset(ComponentModel component) {
    return OFFSET + component.constantName();
  }

  /** {@code LENGTH_BINS}. */
  public static String length(ComponentModel component) {
    return LENGTH + component.constantName();
  }

  /** {@code COMPONENT_BINS}: the descriptor of a component, with its ordered and atomic operations. */
  public static String component(ComponentModel component) {
    return COMPONENT + component.constantName();
  }

  /** The layout constant a component named {@code componentName} gets first: its offset. */
  public static String offsetOf(String componentName) {
    return OFFSET + ComponentModel.constantCase(componentName);
  }

  /**
   * Why {@code name} cannot be the simple name of a generated class, or empty when it can; the
   * caller has checked that it is a Java identifier and not a keyword.
   */
  public static Optional<String> unusableClassName(String name) {
    if (RESTRICTED_IDENTIFIERS.contains(name)) {
      return Optional.of("\"" + name + "\" is a restricted identifier, which cannot name a class");
    }
    return Optional.empty();
  }

  /** {@code name} with a capital first letter. */
  public static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
