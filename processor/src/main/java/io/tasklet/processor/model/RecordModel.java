package io.tasklet.processor.model;

import java.util.List;

/**
 * The layout of one annotated record, in plain Java: what the layout and view writers generate
 * from, and what the coordinator step reads sizes from. No {@code javax.lang.model} in here, so it
 * can be built and tested without a compiler.
 *
 * <p>CONTRACT (layout issue fills in the components): {@link #size()}, {@link #alignment()} and
 * the generated names are what the coordinator step relies on.
 *
 * @param packageName package of the record, empty for the unnamed package
 * @param simpleNames simple names from the outermost enclosing class to the record itself
 * @param shared whether the record is {@code @SharedState} (otherwise {@code @WorkerScratch})
 * @param size size in bytes, a multiple of {@code alignment}
 * @param alignment alignment in bytes: that of the record's most aligned member
 */
public record RecordModel(
    String packageName, List<String> simpleNames, boolean shared, long size, long alignment) {

  /** Simple name of the generated class for suffix {@code suffix}: {@code Outer_InnerLayout}. */
  public String generatedSimpleName(String suffix) {
    return String.join("_", simpleNames) + suffix;
  }

  /** Simple name of the generated layout class. */
  public String layoutSimpleName() {
    return generatedSimpleName("Layout");
  }

  /** Simple name of the generated view class. */
  public String viewSimpleName() {
    return generatedSimpleName("View");
  }
}
