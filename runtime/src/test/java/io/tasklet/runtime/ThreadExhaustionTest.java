package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane thread that cannot be started, because the process is out of native threads, rejects
 * the launch with {@link LaunchRejectedException} and leaves the runtime's cores free. Checked in
 * a child JVM whose threads {@code ulimit -u} bounds. The limit does not bind root, so as root the
 * child runs as the unprivileged user {@code nobody}, on a world-readable copy of the classes.
 */
class ThreadExhaustionTest {
  @Test
  void aLaneThreadThatCannotStartRejectsTheLaunchAndWedgesNothing(@TempDir Path temp)
      throws Exception {
    Path classes = temp.resolve("classes");
    copyTree(Path.of(TaskletRuntime.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()), classes);
    copyTree(Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        classes);
    readableByAll(temp);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String child = "ulimit -u 64 && exec '" + java + "' -Xmx64m -XX:TieredStopAtLevel=1"
        + " -Xlog:os+thread=off -cp '" + classes + "' '" + Child.class.getName() + "'";
    boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream()
        .readAllBytes(), StandardCharsets.UTF_8).trim());
    List<String> command = root
        ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "bash", "-c",
            child)
        : List.of("bash", "-c", child);
    Process process = new ProcessBuilder(command).directory(temp.toFile())
        .redirectErrorStream(true).start();
    String output;
    try {
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    } finally {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.destroyForcibly();
    }
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("rejected: LaunchRejectedException caused by OutOfMemoryError"),
        output);
    assertTrue(output.contains("after release: 2 lanes ran"), output);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void readableByAll(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
            Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
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
