package io.tasklet.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The sources of a made-up project that {@link ProcessorCompile} compiles: records of linear
 * memory and coordinators over them, written twice. {@link #annotated} is the project as a user of
 * Tasklet writes it, with annotated records and coordinators whose lanes go through the generated
 * views. {@link #plain} is the same project without Tasklet's annotations: plain records, and
 * static methods that do the same work over the same runtime with hand-written {@code
 * MemorySegment} code at hand-written offsets. Compiling the first with the processor and the
 * second without it shows what the processor adds to a build.
 *
 * <p>Coordinator {@code k} counts the bytes of its input into its scratch record {@code Scratchk}
 * and adds the lanes' counts into its shared record {@code Sharedk}. The records beyond those the
 * coordinators use ({@code Extrak}) cycle through four shapes: scalars with a {@code double}
 * array, an {@code int} array, a nested record, and narrow scalars with a {@code long} array.
 */
final class SyntheticProject {
  /** The package every source is in. */
  static final String PACKAGE = "io.tasklet.synthetic";

  /**
   * One source file.
   *
   * @param className the simple name of its class
   * @param text the source
   */
  record Source(String className, String text) {
    /** The binary name of the class: {@code io.tasklet.synthetic.Job7}. */
    String qualifiedName() {
      return PACKAGE + "." + className;
    }

    /** The source of the class {@code binaryName}, which must be in the project's package. */
    static Source named(String binaryName, String text) {
      if (!binaryName.startsWith(PACKAGE + ".")) {
        throw new IllegalArgumentException(binaryName + " is not in " + PACKAGE);
      }
      return new Source(binaryName.substring(PACKAGE.length() + 1), text);
    }
  }

  private SyntheticProject() {}

  /**
   * {@code records} annotated records and {@code coordinators} coordinators, each in a class of
   * its own; each coordinator uses two of the records, so {@code records} must be at least twice
   * {@code coordinators}.
   */
  static List<Source> annotated(int records, int coordinators) {
    return sources(records, coordinators, true);
  }

  /** The same as {@link #annotated}, without annotations and without generated code. */
  static List<Source> plain(int records, int coordinators) {
    return sources(records, coordinators, false);
  }

  private static List<Source> sources(int records, int coordinators, boolean annotated) {
    if (records < 2 * coordinators) {
      throw new IllegalArgumentException(coordinators + " coordinators need at least "
          + 2 * coordinators + " records, not " + records);
    }
    List<Source> sources = new ArrayList<>();
    for (int k = 0; k < coordinators; k++) {
      sources.add(shared(k, annotated));
      sources.add(scratch(k, annotated));
      sources.add(annotated ? coordinator(k) : plainCoordinator(k));
    }
    for (int k = 0; k < records - 2 * coordinators; k++) {
      sources.add(extra(k, annotated));
    }
    return List.copyOf(sources);
  }

  private static Source shared(int k, boolean annotated) {
    return record("Shared" + k, annotated ? "@SharedState" : null,
        length(annotated, 256) + "long[] bins, long seen, double total");
  }

  private static Source scratch(int k, boolean annotated) {
    return record("Scratch" + k, annotated ? "@WorkerScratch" : null,
        length(annotated, 256) + "long[] bins, long seen, double partial");
  }

  private static Source extra(int k, boolean annotated) {
    String annotation = annotated ? (k % 2 == 0 ? "@WorkerScratch" : "@SharedState") : null;
    String components = switch (k % 4) {
      case 0 -> "int id, " + length(annotated, 16) + "double[] weights, short flags, boolean done";
      case 1 -> "long first, long last, " + length(annotated, 64) + "int[] counts";
      case 2 -> "Extra" + (k - 2) + " inner, long stamp";
      default -> "char tag, float scale, " + length(annotated, 8) + "long[] marks, byte kind";
    };
    return record("Extra" + k, annotation, components);
  }

  private static String length(boolean annotated, int n) {
    return annotated ? "@Length(" + n + ") " : "";
  }

  private static Source record(String name, String annotation, String components) {
    StringBuilder text = new StringBuilder("package " + PACKAGE + ";\n\n");
    if (annotation != null) {
      text.append("import io.tasklet.annotations.Length;\n")
          .append("import io.tasklet.annotations.SharedState;\n")
          .append("import io.tasklet.annotations.WorkerScratch;\n\n")
          .append(annotation).append('\n');
    }
    text.append("public record ").append(name).append('(').append(components).append(") {}\n");
    return new Source(name, text.toString());
  }

  /** Coordinator {@code k} as a Tasklet user writes it: views of the records, in its lanes too. */
  private static Source coordinator(int k) {
    String text = """
        package %1$s;

        import io.tasklet.annotations.Coordinator;
        import io.tasklet.runtime.CoordinatorContext;
        import io.tasklet.runtime.Share;
        import java.lang.foreign.MemorySegment;
        import java.lang.foreign.ValueLayout;

        public final class Job%2$d {
          private Job%2$d() {}

          @Coordinator(workers = 4, maxInputBytes = 1L << 20, maxFuel = 1L << 30)
          static void run(CoordinatorContext<Shared%2$d, Scratch%2$d> ctx) {
            MemorySegment input = ctx.input();
            ctx.parallelForWorkers(lane -> {
              Scratch%2$dView scratch = Scratch%2$dView.of(lane.scratch());
              Share share = lane.share(input.byteSize());
              lane.fuelCheckpoint(share.size());
              double partial = 0;
              for (long i = share.start(); i < share.end(); i++) {
                int b = input.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
                scratch.bins(b, scratch.bins(b) + 1);
                partial += b * %2$d.0;
              }
              scratch.seen(share.size());
              scratch.partial(partial);
            });
            Shared%2$dView total = Shared%2$dView.of(ctx.shared());
            for (int lane = 0; lane < ctx.workers(); lane++) {
              Scratch%2$dView scratch = Scratch%2$dView.of(ctx.scratch(lane));
              for (int bin = 0; bin < Scratch%2$dView.LENGTH_BINS; bin++) {
                total.bins(bin, total.bins(bin) + scratch.bins(bin));
              }
              total.seen(total.seen() + scratch.seen());
              total.total(total.total() + scratch.partial());
            }
          }
        }
        """.formatted(PACKAGE, k);
    return new Source("Job" + k, text);
  }

  /**
   * Coordinator {@code k} without Tasklet's processor: the same work, over the same runtime, with
   * the records' offsets written by hand ({@code bins} at 0, {@code seen} at 2,048, the double
   * at 2,056).
   */
  private static Source plainCoordinator(int k) {
    String text = """
        package %1$s;

        import static java.lang.foreign.ValueLayout.JAVA_BYTE;
        import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
        import static java.lang.foreign.ValueLayout.JAVA_LONG;

        import io.tasklet.runtime.CoordinatorContext;
        import io.tasklet.runtime.Share;
        import java.lang.foreign.MemorySegment;

        public final class Job%2$d {
          private static final int BINS = 256;
          private static final long SEEN = 2048;
          private static final long SUM = 2056;

          private Job%2$d() {}

          static void run(CoordinatorContext<Shared%2$d, Scratch%2$d> ctx) {
            MemorySegment input = ctx.input();
            ctx.parallelForWorkers(lane -> {
              MemorySegment scratch = lane.scratch();
              Share share = lane.share(input.byteSize());
              lane.fuelCheckpoint(share.size());
              double partial = 0;
              for (long i = share.start(); i < share.end(); i++) {
                int b = input.get(JAVA_BYTE, i) & 0xFF;
                scratch.setAtIndex(JAVA_LONG, b, scratch.getAtIndex(JAVA_LONG, b) + 1);
                partial += b * %2$d.0;
              }
              scratch.set(JAVA_LONG, SEEN, share.size());
              scratch.set(JAVA_DOUBLE, SUM, partial);
            });
            MemorySegment total = ctx.shared();
            for (int lane = 0; lane < ctx.workers(); lane++) {
              MemorySegment scratch = ctx.scratch(lane);
              for (int bin = 0; bin < BINS; bin++) {
                long count = total.getAtIndex(JAVA_LONG, bin) + scratch.getAtIndex(JAVA_LONG, bin);
                total.setAtIndex(JAVA_LONG, bin, count);
              }
              long seen = total.get(JAVA_LONG, SEEN) + scratch.get(JAVA_LONG, SEEN);
              total.set(JAVA_LONG, SEEN, seen);
              double sum = total.get(JAVA_DOUBLE, SUM) + scratch.get(JAVA_DOUBLE, SUM);
              total.set(JAVA_DOUBLE, SUM, sum);
            }
          }
        }
        """.formatted(PACKAGE, k);
    return new Source("Job" + k, text);
  }
}
