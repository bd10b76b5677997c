package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.JavaFileObjects;
import io.tasklet.runtime.CoordinatorDeclaration;
import io.tasklet.runtime.FuelExhaustedException;
import io.tasklet.runtime.LaunchRejectedException;
import io.tasklet.runtime.LinearMemoryPlan;
import io.tasklet.runtime.TaskletDeclaration;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Coordinators and tasklets compiled with the processor, launched through their generated
 * builders, and checked against plain Java.
 */
class LauncherEndToEndTest {
  private static final JavaFileObject HISTOGRAM = JavaFileObjects.forSourceString("demo.Histogram",
      """
      package demo;
      import io.tasklet.annotations.Length;
      import io.tasklet.annotations.SharedState;
      @SharedState
      public record Histogram(@Length(256) long[] bins, long bytesSeen) {}
      """);
  private static final JavaFileObject LOCAL_BINS = JavaFileObjects.forSourceString("demo.LocalBins",
      """
      package demo;
      import io.tasklet.annotations.Length;
      import io.tasklet.annotations.WorkerScratch;
      @WorkerScratch
      public record LocalBins(@Length(256) long[] bins) {}
      """);
  private static final JavaFileObject SUMMARY = JavaFileObjects.forSourceString("demo.Summary",
      """
      package demo;
      import io.tasklet.annotations.SharedState;
      @SharedState
      public record Summary(long count, double sum, double min, double max) {}
      """);
  private static final JavaFileObject PARTIAL = JavaFileObjects.forSourceString("demo.Partial",
      """
      package demo;
      import io.tasklet.annotations.WorkerScratch;
      @WorkerScratch
      public record Partial(long count, double sum, double min, double max) {}
      """);
  private static final JavaFileObject JOBS = JavaFileObjects.forSourceString("demo.Jobs", """
      package demo;
      import io.tasklet.annotations.Coordinator;
      import io.tasklet.annotations.Tasklet;
      import io.tasklet.runtime.CoordinatorContext;
      import io.tasklet.runtime.Share;
      import io.tasklet.runtime.TaskletContext;
      import java.lang.foreign.MemorySegment;
      import java.lang.foreign.ValueLayout;

      public final class Jobs {
        private Jobs() {}

        /** Counts every byte value of the input; one unit of fuel per byte. */
        @Coordinator(workers = 8, maxInputBytes = 1 << 20, maxFuel = 1L << 40)
        static void histogram(CoordinatorContext<Histogram, LocalBins> ctx) {
          MemorySegment input = ctx.input();
          ctx.parallelForWorkers(lane -> {
            LocalBinsView mine = LocalBinsView.of(lane.scratch());
            Share share = lane.share(input.byteSize());
            for (long i = share.start(); i < share.end(); i++) {
              lane.fuelCheckpoint(1);
              int bin = input.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
              mine.bins(bin, mine.bins(bin) + 1);
            }
          });
          HistogramView total = HistogramView.of(ctx.shared());
          for (int lane = 0; lane < ctx.workers(); lane++) {
            LocalBinsView bins = LocalBinsView.of(ctx.scratch(lane));
            for (int bin = 0; bin < 256; bin++) {
              total.bins(bin, total.bins(bin) + bins.bins(bin));
            }
          }
          total.bytesSeen(input.byteSize());
        }

        /** Count, sum, min and max of the doubles of the input. */
        @Coordinator(workers = 8, maxInputBytes = 8 << 20, name = "Reduce")
        static void reduce(CoordinatorContext<Summary, Partial> ctx) {
          long count = ctx.input().byteSize() / 8;
          ctx.parallelForWorkers(lane -> {
            PartialView mine = PartialView.of(lane.scratch());
            Share share = lane.share(count);
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (long i = share.start(); i < share.end(); i++) {
              double x = lane.input().getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i);
              sum += x;
              min = Math.min(min, x);
              max = Math.max(max, x);
            }
            mine.write(new Partial(share.size(), sum, min, max));
          });
          double sum = 0;
          double min = Double.POSITIVE_INFINITY;
          double max = Double.NEGATIVE_INFINITY;
          for (int lane = 0; lane < ctx.workers(); lane++) {
            Partial p = PartialView.of(ctx.scratch(lane)).read();
            sum += p.sum();
            min = Math.min(min, p.min());
            max = Math.max(max, p.max());
          }
          SummaryView.of(ctx.shared()).write(new Summary(count, sum, min, max));
        }

        /** Runs empty phases: it takes no input and writes no output. */
        @Coordinator(workers = 2)
        static void idle(CoordinatorContext<Summary, Partial> ctx) {
          ctx.parallelForWorkers(lane -> {});
        }

        /** The histogram on one thread, writing each byte's bin index to the output. */
        @Tasklet(maxInputBytes = 4096, maxOutputBytes = 4096, maxFuel = 100_000)
        static void alone(TaskletContext<Histogram> ctx) {
          HistogramView total = HistogramView.of(ctx.shared());
          for (long i = 0; i < ctx.input().byteSize(); i++) {
            ctx.fuelCheckpoint(1);
            int bin = ctx.input().get(ValueLayout.JAVA_BYTE, i) & 0xFF;
            total.bins(bin, total.bins(bin) + 1);
            ctx.output().set(ValueLayout.JAVA_BYTE, i, (byte) (255 - bin));
          }
          total.bytesSeen(ctx.input().byteSize());
        }
      }
      """);

  private static Compiled compiled;
  private static TaskletRuntime eightCores;

  @BeforeAll
  static void compile() {
    compiled = Compiled.compile(HISTOGRAM, LOCAL_BINS, SUMMARY, PARTIAL, JOBS);
    eightCores = TaskletRuntime.withCores(8);
  }

  @AfterAll
  static void close() {
    eightCores.close();
  }

  private static byte[] randomBytes(int count, long seed) {
    byte[] bytes = new byte[count];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static Object builder(String launcher) {
    return Compiled.invoke(null, compiled.load("demo." + launcher), "on", eightCores);
  }

  private static TaskletResult<Record> launch(Object builder) throws TaskletException {
    return Compiled.launch(builder);
  }

  private static Object component(Record record, String name) {
    return Compiled.invoke(record, name);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 8})
  void theHistogramCountsEveryByte(int workers) throws TaskletException {
    byte[] input = randomBytes(300_001, workers);
    long[] expected = new long[256];
    for (byte b : input) {
      expected[b & 0xFF]++;
    }
    Object builder = builder("JobsHistogramTasklet");
    Compiled.invoke(builder, "workers", workers);
    Compiled.invoke(builder, "input", (Object) input);
    TaskletResult<Record> result = launch(builder);
    assertArrayEquals(expected, (long[]) component(result.shared(), "bins"));
    assertEquals((long) input.length, component(result.shared(), "bytesSeen"));
    assertEquals(input.length, result.fuelConsumed());
    assertEquals((1L << 40) - input.length, result.fuelRemaining());
    assertEquals(workers, result.workers());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 8})
  void theReductionMatchesPlainJava(int workers) throws TaskletException {
    double[] values = new Random(workers).doubles(100_003, -1e6, 1e6).toArray();
    ByteBuffer input = ByteBuffer.allocate(values.length * 8).order(java.nio.ByteOrder.nativeOrder());
    input.asDoubleBuffer().put(values);
    Object builder = builder("Reduce");
    Compiled.invoke(builder, "workers", workers);
    Compiled.invoke(builder, "input", input);
    Record summary = launch(builder).shared();
    assertEquals((long) values.length, component(summary, "count"));
    assertEquals(Arrays.stream(values).sum(), (double) component(summary, "sum"), 1e-3);
    assertEquals(Arrays.stream(values).min().orElseThrow(), component(summary, "min"));
    assertEquals(Arrays.stream(values).max().orElseThrow(), component(summary, "max"));
    assertEquals(0, input.position(), "the buffer's position is left alone");
  }

  @Test
  void aFuelLimitStopsTheLaunchWithTheTypedError() {
    Object builder = builder("JobsHistogramTasklet");
    Compiled.invoke(builder, "workers", 2);
    Compiled.invoke(builder, "input", (Object) randomBytes(10_000, 1));
    Compiled.invoke(builder, "maxFuel", 9_999L);
    FuelExhaustedException failure = assertThrows(FuelExhaustedException.class,
        () -> launch(builder));
    assertEquals("Jobs.histogram", failure.tasklet());
    assertEquals(0, failure.remaining());
  }

  @Test
  void anInputTooLargeIsRejectedBeforeAnyLaneStarts() {
    long threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    Object builder = builder("JobsHistogramTasklet");
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> Compiled.invoke(builder, "input", MemorySegment.ofArray(new byte[(1 << 20) + 1])));
    assertThat(tooLong).hasMessageThat().isEqualTo(
        "input of 1048577 bytes is larger than maxInputBytes 1048576 of Jobs.histogram");
    Object tooManyWorkers = builder("JobsHistogramTasklet");
    assertThrows(IllegalArgumentException.class,
        () -> Compiled.invoke(tooManyWorkers, "workers", 9));
    try (TaskletRuntime twoCores = TaskletRuntime.withCores(2)) {
      Object eightLanes = Compiled.invoke(null, compiled.load("demo.JobsHistogramTasklet"), "on",
          twoCores);
      Compiled.invoke(eightLanes, "workers", 8);
      LaunchRejectedException rejected = assertThrows(LaunchRejectedException.class,
          () -> launch(eightLanes));
      assertThat(rejected).hasMessageThat().contains("8 lanes asked for, but the runtime has 2");
    }
    assertEquals(threadsStarted, ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
  }

  @Test
  void withoutWorkersALaunchRunsOnTheDeclaredLanesOrTheRuntimesCoresIfFewer()
      throws TaskletException {
    byte[] input = randomBytes(10_000, 3);
    try (TaskletRuntime twoCores = TaskletRuntime.withCores(2)) {
      Object builder = Compiled.invoke(null, compiled.load("demo.JobsHistogramTasklet"), "on",
          twoCores);
      Compiled.invoke(builder, "input", (Object) input);
      assertEquals(2, ((LinearMemoryPlan) Compiled.invoke(builder, "plan")).workers());
      TaskletResult<Record> result = launch(builder);
      assertEquals(2, result.workers(), "8 declared, 2 cores");
      assertEquals((long) input.length, component(result.shared(), "bytesSeen"));
    }
    Object onEight = builder("JobsHistogramTasklet");
    Compiled.invoke(onEight, "input", (Object) input);
    assertEquals(8, launch(onEight).workers(), "8 declared, 8 cores");
  }

  @Test
  void theDeclarationTellsWhatTheAnnotationDeclared() {
    CoordinatorDeclaration<?, ?> histogram = (CoordinatorDeclaration<?, ?>)
        compiled.constant("demo.JobsHistogramTasklet", "DECLARATION");
    assertEquals("Jobs.histogram", histogram.name());
    assertEquals("Jobs.histogram", histogram.toString());
    assertEquals(8, histogram.workers());
    assertEquals(2_056, histogram.sharedBytes());
    assertEquals(2_048, histogram.scratchBytes());
    assertEquals(1 << 20, histogram.maxInputBytes());
    assertEquals(0, histogram.maxOutputBytes());
    assertEquals(LinearMemoryPlan.DEFAULT_MAX_LINEAR_MEMORY, histogram.maxLinearMemory());
    assertEquals(1L << 40, histogram.maxFuel());
    TaskletDeclaration<?> alone =
        (TaskletDeclaration<?>) compiled.constant("demo.JobsAloneTasklet", "DECLARATION");
    assertEquals(4096, alone.maxInputBytes());
    assertEquals(4096, alone.maxOutputBytes());
    assertEquals(100_000, alone.maxFuel());
    CoordinatorDeclaration<?, ?> idle =
        (CoordinatorDeclaration<?, ?>) compiled.constant("demo.JobsIdleTasklet", "DECLARATION");
    assertEquals(0, idle.maxInputBytes());
    assertEquals(-1, idle.maxFuel(), "no pool");
  }

  @Test
  void thePlanIsThereWithoutLaunching() {
    CoordinatorDeclaration<?, ?> declaration = (CoordinatorDeclaration<?, ?>)
        compiled.constant("demo.JobsHistogramTasklet", "DECLARATION");
    LinearMemoryPlan plan = declaration.plan(4);
    assertEquals(2_056, plan.sharedBytes());
    assertEquals(1 << 20, plan.inputBytes());
    assertEquals(2_048, plan.scratchBytes());
    assertEquals(4, plan.workers());
    Object builder = builder("JobsHistogramTasklet");
    Compiled.invoke(builder, "input", (Object) new byte[100]);
    assertEquals(0, ((LinearMemoryPlan) Compiled.invoke(builder, "plan")).inputBytes(),
        "an array is read in place");
    Compiled.invoke(builder, "copyInput");
    assertEquals(100, ((LinearMemoryPlan) Compiled.invoke(builder, "plan")).inputBytes());
  }

  @Test
  void aTaskletRunsOnTheCallingThreadAndStartsNoThread() throws TaskletException {
    byte[] input = randomBytes(4096, 7);
    long threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    Object builder = Compiled.invoke(null, compiled.load("demo.JobsAloneTasklet"), "builder");
    Compiled.invoke(builder, "input", (Object) input);
    TaskletResult<Record> result = launch(builder);
    assertEquals(threadsStarted, ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
    long[] expected = new long[256];
    byte[] expectedOutput = new byte[4096];
    for (int i = 0; i < input.length; i++) {
      expected[input[i] & 0xFF]++;
      expectedOutput[i] = (byte) (255 - (input[i] & 0xFF));
    }
    assertArrayEquals(expected, (long[]) component(result.shared(), "bins"));
    assertArrayEquals(expectedOutput, result.output());
    assertEquals(4096, result.fuelConsumed());
    assertEquals(0, result.workers());
  }

  @Test
  void buildersCheckDeadlinesAndOutputDestinationsWithTheRuntimesMessages() {
    Object builder = Compiled.invoke(null, compiled.load("demo.JobsAloneTasklet"), "builder");
    NullPointerException noDeadline = assertThrows(NullPointerException.class,
        () -> Compiled.invoke(builder, "deadline", new Object[] {null}));
    assertThat(noDeadline).hasMessageThat().contains("deadline");
    Compiled.invoke(builder, "deadline", java.time.Duration.ofSeconds(Long.MAX_VALUE));
    IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
        () -> Compiled.invoke(builder, "outputTo", java.lang.foreign.MemorySegment.ofArray(
            new byte[10])));
    assertThat(tooSmall).hasMessageThat().contains("smaller than the declared output");
  }

  @Test
  void buildersOfferOnlyWhatTheDeclarationAllows() {
    assertThat(builderMethods("demo.JobsHistogramTasklet")).containsExactly(
        "workers", "input", "copyInput", "outputTo", "maxFuel", "deadline", "plan", "launch");
    assertThat(builderMethods("demo.JobsIdleTasklet")).containsExactly(
        "workers", "outputTo", "maxFuel", "deadline", "plan", "launch");
    assertThat(builderMethods("demo.JobsAloneTasklet")).containsExactly(
        "input", "copyInput", "outputTo", "maxFuel", "deadline", "plan", "launch");
    assertThat(methods("demo.JobsAloneTasklet")).containsExactly("builder");
    assertThat(methods("demo.JobsHistogramTasklet")).containsExactly("builder", "on");
  }

  @Test
  void anOutputDestinationIsRefusedWhereNoOutputIsDeclared() {
    IllegalArgumentException noOutput = assertThrows(IllegalArgumentException.class,
        () -> Compiled.invoke(builder("JobsHistogramTasklet"), "outputTo",
            MemorySegment.ofArray(new byte[8])));
    assertThat(noOutput).hasMessageThat().isEqualTo(
        "Jobs.histogram declares no output (maxOutputBytes is 0), so it has nowhere to write one");
  }

  /** The public methods of the builder that {@code launcher}'s {@code builder()} returns. */
  private static Set<String> builderMethods(String launcher) {
    try {
      return Arrays.stream(compiled.load(launcher).getMethod("builder").getReturnType()
              .getMethods())
          .filter(m -> m.getDeclaringClass() != Object.class)
          .map(Method::getName)
          .collect(Collectors.toSet());
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static Set<String> methods(String binaryName) {
    return Arrays.stream(compiled.load(binaryName).getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toSet());
  }
}
