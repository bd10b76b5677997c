package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A lane thread that cannot be started, because the process is out of native threads, rejects
 * the launch with {@link LaunchRejectedException} and leaves the runtime's cores free. Checked in
 * a child JVM whose address space {@code ulimit -v} bounds, so that it runs out of threads fast.
 */
class ThreadExhaustionTest {
  @Test
  void aLaneThreadThatCannotStartRejectsTheLaunchAndWedgesNothing() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String command = "ulimit -v 1200000 && exec " + java
        + " -Xmx64m -XX:CompressedClassSpaceSize=64m -XX:ReservedCodeCacheSize=32m"
        + " -XX:MaxMetaspaceSize=128m -Xshare:off -Xlog:os+thread=off"
        + " -cp '" + System.getProperty("java.class.path") + "' '" + Child.class.getName() + "'";
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    Process child = builder.start();
    String output;
    try {
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    } finally {
      output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      child.destroyForcibly();
    }
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("rejected: LaunchRejectedException caused by OutOfMemoryError"),
        output);
    assertTrue(output.contains("after release: 2 lanes ran"), output);
  }

  /** Exhausts native threads, launches, frees some, launches again. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      try (TaskletRuntime runtime = TaskletRuntime.withCores(2)) {
        launch(runtime, 1); // loads every class a launch needs, starts no lane thread
        List<Thread> hogs = new ArrayList<>();
        try {
          while (true) {
            Thread hog = new Thread(LockSupport::park);
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
          }
        } catch (OutOfMemoryError expected) {
          // the process has no native thread left
        }
        try {
          launch(runtime, 2);
          System.out.println("a 2-lane launch ran with no thread to spare");
          System.exit(2);
        } catch (LaunchRejectedException e) {
          System.out.println("rejected: " + e.getClass().getSimpleName() + " caused by "
              + e.getCause().getClass().getSimpleName());
        }
        for (Thread hog : hogs.subList(0, hogs.size() / 2)) {
          LockSupport.unpark(hog);
          hog.join();
        }
        System.out.println("after release: " + launch(runtime, 2) + " lanes ran");
      } catch (RuntimeException e) {
        e.printStackTrace(System.out);
        System.exit(3);
      }
    }

    private static long launch(TaskletRuntime runtime, int lanes) throws TaskletException {
      return runtime.launch(Specs.longs(1).lanes(lanes, 0).build(),
              (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(
                  lane -> Views.class.hashCode()))
          .workers();
    }
  }
}
