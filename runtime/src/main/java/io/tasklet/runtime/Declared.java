package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a declaration fixes about every launch of it: its name, lanes (0 for a single-threaded
 * tasklet), region sizes, budget and fuel, and how its shared state is read back.
 */
record Declared<S>(String name, int workers, long sharedBytes, long scratchBytes,
    long maxInputBytes, long maxOutputBytes, long maxLinearMemory, long maxFuel,
    Function<MemorySegment, S> sharedReader) {
  Declared {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sharedReader, "sharedReader");
  }

  /**
   * Checks that {@code bytes}, the size of a record as the launcher was compiled against it, is
   * the size of its layout now. Sizes are constants, copied into a launcher when it compiles; a
   * build that recompiles a changed record but not its launcher would otherwise launch with
   * regions of the old sizes.
   */
  static long current(String name, long bytes, MemoryLayout layout) {
    if (bytes != layout.byteSize()) {
      throw new IllegalStateException(name + ": this launcher was compiled against records of"
          + " other sizes than their layouts have now, so a class is stale; rebuild clean");
    }
    return bytes;
  }

  /** Checks that the builder asked for, {@code withInput} or not, is the one this declaration has. */
  void checkInput(boolean withInput) {
    if ((maxInputBytes > 0) != withInput) {
      throw new IllegalStateException(name + (withInput ? " takes no input"
          : " takes input: launch it with launchWithInput"));
    }
  }

  LinearMemoryPlan worstCasePlan(int lanes) {
    return LinearMemoryPlan.of(sharedBytes, maxInputBytes, maxOutputBytes, lanes, scratchBytes);
  }
}
