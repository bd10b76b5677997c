package io.tasklet.processor.model;

import io.tasklet.runtime.LinearMemoryPlan;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher of one {@code @Coordinator} or {@code @Tasklet} method is generated from, in
 * plain Java.
 *
 * @param packageName package of the method's class, and of the generated launcher
 * @param simpleName simple name of the generated launcher
 * @param taskletName the name errors and results show, {@code ByteHistogram.count}
 * @param enclosingSimpleNames simple names of the method's class, outermost first
 * @param methodName the method
 * @param laned whether the method is a {@code @Coordinator} running on lanes (otherwise a
 *     single-threaded {@code @Tasklet})
 * @param workers lanes declared; 0 for a single-threaded tasklet
 * @param maxInputBytes largest input; 0 for none
 * @param maxOutputBytes size of the output region; 0 for none
 * @param maxLinearMemory budget of the whole block
 * @param maxFuel the declared fuel pool, or {@code -1} for none
 * @param shared layout of the shared state record
 * @param scratch layout of the worker scratch record; empty for a single-threaded tasklet
 */
public record LauncherModel(
    String packageName,
    String simpleName,
    String taskletName,
    List<String> enclosingSimpleNames,
    String methodName,
    boolean laned,
    int workers,
    long maxInputBytes,
    long maxOutputBytes,
    long maxLinearMemory,
    long maxFuel,
    RecordModel shared,
    Optional<RecordModel> scratch) {

  public LauncherModel {
    enclosingSimpleNames = List.copyOf(enclosingSimpleNames);
  }

  /** Simple name of the default launcher of {@code method} in {@code enclosing}: {@code ByteHistogramCountTasklet}. */
  public static String defaultSimpleName(List<String> enclosing, String method) {
    return GeneratedNames.launcher(enclosing, method);
  }

  /** Size of one lane's scratch region. */
  public long scratchBytes() {
    return scratch.map(RecordModel::size).orElse(0L);
  }

  /** The plan of a launch on {@code lanes} lanes with the largest input: what the budget must hold. */
  public LinearMemoryPlan worstCasePlan(int lanes) {
    return LinearMemoryPlan.of(shared.size(), maxInputBytes, maxOutputBytes, lanes, scratchBytes());
  }
}
