package io.tasklet.processor.model;

import java.util.List;

/**
 * The layout of one annotated record, in plain Java: what the view writer generates
 * from, and what the coordinator step reads sizes from. No {@code javax.lang.model} in here, so it
 * can be built and tested without a compiler. {@link Layouts#layOut} builds one.
 *
 * <p>CONTRACT: {@link #size()}, {@link #alignment()} and the generated names are what the
 * coordinator step relies on.
 *
 * @param packageName package of the record, empty for the unnamed package
 * @param simpleNames simple names from the outermost enclosing class to the record itself
 * @param shared whether the record is {@code @SharedState} (otherwise {@code @WorkerScratch})
 * @param size size in bytes, a multiple of {@code alignment}
 * @param alignment alignment in bytes: that of the record's most aligned member
 * @param components the components in declaration order, with their offsets
 */
public record RecordModel(
    String packageName,
    List<String> simpleNames,
    boolean shared,
    long size,
    long alignment,
    List<ComponentModel> components) {

  public RecordModel {
    simpleNames = List.copyOf(simpleNames);
    components = List.copyOf(components);
  }

  /** A model that knows sizes only, for code that needs no components. */
  public RecordModel(
      String packageName, List<String> simpleNames, boolean shared, long size, long alignment) {
    this(packageName, simpleNames, shared, size, alignment, List.of());
  }

  /** Simple name of the generated class: the record's layout and its view. */
  public String viewSimpleName() {
    return GeneratedNames.forType(simpleNames, GeneratedNames.VIEW_SUFFIX);
  }

  /** The record's canonical name: {@code com.example.Outer.Inner}. */
  public String qualifiedName() {
    return packageName.isEmpty() ? displayName() : packageName + "." + displayName();
  }

  /** The record's name as it reads in source: {@code Outer.Inner}. */
  public String displayName() {
    return String.join(".", simpleNames);
  }

  /**
   * Whether the record is aligned beyond its most aligned component: raised to a 4-byte word, so
   * that its narrow values can be updated atomically through the word around them.
   */
  public boolean raisedToWord() {
    return alignment > Layouts.naturalAlignment(components);
  }

  /** Whether the record fits in linear memory: at most {@link Layouts#MAX_SIZE} bytes. */
  public boolean fits() {
    return size <= Layouts.MAX_SIZE;
  }
}
