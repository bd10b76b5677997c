package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Many launches in a row, and many launching threads at once. */
class LaunchStabilityTest {

  @Test
  void tenThousandLaunchesKeepThreadsAndNativeMemoryFlat() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (TaskletRuntime runtime = TaskletRuntime.withCores(4)) {
      launches(runtime, 1_000); // warm up: lane threads started, blocks cached
      int threadsBefore = threads.getThreadCount();
      long reservedBefore = runtime.reservedBytes();
      long nativeBefore = nativeMemoryKb();
      launches(runtime, 10_000);
      assertEquals(threadsBefore, threads.getThreadCount(), "threads of the process");
      assertEquals(reservedBefore, runtime.reservedBytes(), "linear memory the runtime holds");
      assertTrue(nativeMemoryKb() - nativeBefore < 4096,
          "native memory grew from " + nativeBefore + " KB to " + nativeMemoryKb() + " KB");
      assertTrue(runtime.laneThreads() <= 3);
    }
  }

  private static void launches(TaskletRuntime runtime, int count) throws TaskletException {
    for (int i = 0; i < count; i++) {
      int workers = 1 + i % 4;
      TaskletResult<long[]> result = runtime.launch(
          Specs.longs(4).lanes(workers, 1024 * (1 + i % 3)).outputBytes(64)
              .maxFuel(OptionalLong.of(workers)).build(),
          (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
            lane.fuelCheckpoint(1);
            Specs.set(lane.shared(), lane.index(), lane.index() + 1);
          }));
      assertEquals(workers, result.shared()[workers - 1]);
      assertEquals(0, result.fuelRemaining());
    }
  }

  /** Native memory the JVM reserved, from Native Memory Tracking (enabled for the tests). */
  private static long nativeMemoryKb() throws Exception {
    String summary = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
        new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
    Matcher total = Pattern.compile("Total: reserved=(\\d+)KB").matcher(summary);
    assertTrue(total.find(), "Native Memory Tracking is not on: " + summary);
    Matcher other = Pattern.compile("Other \\(reserved=(\\d+)KB").matcher(summary);
    return other.find() ? Long.parseLong(other.group(1)) : 0;
  }

  @Test
  void eightThreadsLaunchingAtOnceAllGetCorrectResults() throws Exception {
    int cores = 4;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    try (TaskletRuntime runtime = TaskletRuntime.withCores(cores);
        ExecutorService launchers = Executors.newFixedThreadPool(8)) {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int launcher = t;
        Callable<Integer> task = () -> {
          for (int round = 0; round < 200; round++) {
            int workers = 1 + (launcher + round) % cores;
            byte[] input = new byte[1000 + round];
            for (int i = 0; i < input.length; i++) {
              input[i] = (byte) (i + launcher);
            }
            long expected = 0;
            for (byte b : input) {
              expected += b;
            }
            TaskletResult<long[]> result = runtime.launch(
                Specs.longs(workers).lanes(workers, 0)
                    .input(MemorySegment.ofArray(input), input.length).build(),
                (CoordinatorContext<long[], Void> ctx) -> {
                  ctx.parallelForWorkers(lane -> {
                    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Share share = lane.share(lane.input().byteSize());
                    long sum = 0;
                    for (long i = share.start(); i < share.end(); i++) {
                      sum += lane.input().get(java.lang.foreign.ValueLayout.JAVA_BYTE, i);
                    }
                    Specs.set(lane.shared(), lane.index(), sum);
                    running.decrementAndGet();
                  });
                  long total = 0;
                  for (int lane = 0; lane < ctx.workers(); lane++) {
                    total += Specs.get(ctx.shared(), lane);
                  }
                  Specs.set(ctx.shared(), 0, total);
                });
            assertEquals(expected, result.shared()[0], "launcher " + launcher + " round " + round);
          }
          return launcher;
        };
        done.add(launchers.submit(task));
      }
      for (Future<Integer> future : done) {
        future.get();
      }
      assertTrue(mostRunning.get() <= cores, mostRunning.get() + " lanes ran at once");
      assertTrue(runtime.laneThreads() <= cores - 1, runtime.laneThreads() + " lane threads");
    }
  }
}
