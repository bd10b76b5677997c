package io.tasklet.runtime;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's Flight Recorder events, as a user records them: a recording of launches that
 * complete, run out of fuel, leave a lane quarantined past their deadline and give up waiting for
 * cores, written to a file and read back with {@link RecordingFile}.
 */
class FlightEventsTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final Optional<Duration> SHORT = Optional.of(Duration.ofMillis(100));
  private static final long SLOW_LANE_NANOS = Duration.ofMillis(20).toNanos();

  private static final LaunchSpec<long[]> COMPLETES =
      spec("Flight.completes").lanes(2, 64).maxFuel(OptionalLong.of(100)).build();

  private volatile boolean release;

  @TempDir
  Path dir;

  private static LaunchSpec.Builder<long[]> spec(String tasklet) {
    return LaunchSpec.builder(tasklet, 8, segment -> segment.toArray(JAVA_LONG));
  }

  /** Keeps the calling thread busy, on its CPU, for {@code nanos}. */
  private static void busyFor(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  @Test
  void launchesPhasesFuelAndQuarantinesAreRecorded() throws Exception {
    List<RecordedEvent> events = assertTimeoutPreemptively(BOUND, () -> {
      try (Recording recording = new Recording();
          TaskletRuntime runtime = TaskletRuntime.withCores(2)) {
        for (String name : List.of("io.tasklet.Launch", "io.tasklet.Phase",
            "io.tasklet.FuelExhausted", "io.tasklet.Quarantine", "io.tasklet.QuarantineEnd")) {
          recording.enable(name).withThreshold(Duration.ZERO);
        }
        recording.start();

        runtime.launch(COMPLETES,
            (CoordinatorContext<long[], Void> ctx) -> {
              for (int phase = 0; phase < 2; phase++) {
                ctx.parallelForWorkers(lane -> {
                  lane.fuelCheckpoint(10);
                  if (lane.index() == 1) {
                    busyFor(SLOW_LANE_NANOS);
                  }
                });
              }
            });

        assertInstanceOf(FuelExhaustedException.class, Failures.launchFails(runtime,
            spec("Flight.runsDry").lanes(2, 0).maxFuel(OptionalLong.of(5)).build(),
            ctx -> ctx.parallelForWorkers(lane -> {
              if (lane.index() == 1) {
                lane.fuelCheckpoint(10);
              }
            })));

        assertInstanceOf(DeadlineExceededException.class, Failures.launchFails(runtime,
            spec("Flight.runaway").lanes(2, 0).maxFuel(OptionalLong.of(Long.MAX_VALUE))
                .deadline(SHORT).build(),
            ctx -> ctx.parallelForWorkers(lane -> {
              if (lane.index() == 1) {
                while (!release) {
                  Thread.onSpinWait(); // ignores the stop: no checkpoint
                }
              } else {
                while (true) {
                  lane.fuelCheckpoint(1);
                }
              }
            })));
        assertEquals(2, runtime.quarantinedLanes());
        assertInstanceOf(DeadlineExceededException.class, Failures.launchFails(runtime,
            spec("Flight.noCores").lanes(1, 0).deadline(SHORT).build(), ctx -> {}));

        release = true;
        long giveUp = System.nanoTime() + BOUND.toNanos();
        while (runtime.quarantinedLanes() != 0) {
          assertTrue(System.nanoTime() < giveUp, "the quarantine never ended");
          Thread.onSpinWait();
        }
        recording.stop();
        Path file = dir.resolve("tasklet.jfr");
        recording.dump(file);
        assertTrue(Files.size(file) > 0);
        return RecordingFile.readAllEvents(file);
      } finally {
        release = true;
      }
    });

    for (RecordedEvent event : events) {
      if (event.getEventType().getName().startsWith("io.tasklet.")) {
        assertEquals(List.of("Tasklet"), event.getEventType().getCategoryNames());
      }
    }

    RecordedEvent completed = the(events, "io.tasklet.Launch", "Flight.completes");
    assertEquals(2, completed.getInt("lanes"));
    assertEquals(COMPLETES.plan().totalBytes(), completed.getLong("planSize"));
    assertTrue(completed.getLong("planSize") >= 2 * 64);
    assertTrue(completed.getBoolean("fuelPool"));
    assertEquals(100, completed.getLong("fuelGranted"));
    assertEquals(40, completed.getLong("fuelConsumed"));
    assertEquals(60, completed.getLong("fuelRemaining"));
    assertEquals("completed", completed.getString("outcome"));
    assertNull(completed.getString("exceptionType"));
    assertTrue(completed.getDuration().toNanos() >= 2 * SLOW_LANE_NANOS, completed.toString());
    assertTrue(completed.getDuration("coreWait").compareTo(completed.getDuration()) <= 0);

    List<RecordedEvent> phases = all(events, "io.tasklet.Phase", "Flight.completes");
    assertEquals(2, phases.size());
    for (RecordedEvent phase : phases) {
      assertEquals(2, phase.getInt("lanes"));
      assertEquals(1, phase.getInt("slowestLane"), phase.toString());
      long slowest = phase.getDuration("slowestLaneTime").toNanos();
      assertTrue(slowest >= SLOW_LANE_NANOS, phase.toString());
      assertTrue(phase.getDuration().toNanos() >= slowest, phase.toString());
      assertTrue(phase.getDuration("fastestLaneTime").toNanos() <= slowest, phase.toString());
    }

    RecordedEvent exhausted = the(events, "io.tasklet.FuelExhausted", "Flight.runsDry");
    assertEquals(1, exhausted.getInt("lane"));
    assertEquals(10, exhausted.getLong("requested"));
    assertEquals(5, exhausted.getLong("remaining"));
    assertTrue(exhausted.getBoolean("fuelPool"));
    assertFalse(exhausted.getStackTrace().getFrames().isEmpty(), "where the checkpoint was");
    RecordedEvent runDry = the(events, "io.tasklet.Launch", "Flight.runsDry");
    assertEquals("failed", runDry.getString("outcome"));
    assertEquals(FuelExhaustedException.class.getName(), runDry.getString("exceptionType"));
    assertEquals(0, runDry.getLong("fuelConsumed"));
    assertEquals(5, runDry.getLong("fuelRemaining"));

    RecordedEvent quarantine = the(events, "io.tasklet.Quarantine", "Flight.runaway");
    assertEquals("lane 1", quarantine.getString("running"));
    assertEquals(2, quarantine.getInt("threads")); // lane 1's, and the coordinator's
    assertEquals(2, quarantine.getInt("cores"));
    RecordedEvent runaway = the(events, "io.tasklet.Launch", "Flight.runaway");
    assertEquals("quarantined", runaway.getString("outcome"));
    assertEquals(DeadlineExceededException.class.getName(), runaway.getString("exceptionType"));
    RecordedEvent end = the(events, "io.tasklet.QuarantineEnd", "Flight.runaway");
    assertEquals(2, end.getInt("threads"));
    assertEquals(2, end.getInt("cores"));
    assertTrue(end.getStartTime().isAfter(quarantine.getStartTime()));

    RecordedEvent noCores = the(events, "io.tasklet.Launch", "Flight.noCores");
    assertEquals("not started", noCores.getString("outcome"));
    assertEquals(DeadlineExceededException.class.getName(), noCores.getString("exceptionType"));
    assertTrue(noCores.getDuration("coreWait").toMillis() >= 50, noCores.toString());
  }

  /**
   * Without a recording, launches load none of the event classes: loading one would make the JVM
   * load Flight Recorder's metadata, which the first launch would pay for. Checked in a JVM of its
   * own, in which Flight Recorder never started.
   */
  @Test
  void withoutARecordingNoEventClassIsLoaded() throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout", "-cp", classPath(TaskletRuntime.class,
            LaunchesWithoutRecording.class),
        LaunchesWithoutRecording.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = assertTimeoutPreemptively(BOUND,
        () -> new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals(0, child.waitFor(), output);
    assertTrue(output.contains("launched without a recording"), output);
    assertTrue(output.contains(TaskletEvents.class.getName() + " "), "the log names classes");
    for (Class<?> event : List.of(LaunchEvent.class, PhaseEvent.class, FuelExhaustedEvent.class,
        QuarantineEvent.class, QuarantineEndEvent.class, jdk.jfr.Event.class)) {
      assertFalse(output.contains(event.getName() + " "), event.getName() + " was loaded");
    }
  }

  /** Runs a launch with a phase and one that runs out of fuel, in a JVM of its own. */
  static final class LaunchesWithoutRecording {
    public static void main(String[] args) throws IOException, TaskletException {
      try (TaskletRuntime runtime = TaskletRuntime.withCores(2)) {
        runtime.launch(COMPLETES, (CoordinatorContext<long[], Void> ctx) ->
            ctx.parallelForWorkers(lane -> lane.fuelCheckpoint(1)));
        try {
          runtime.launch(spec("Flight.runsDry").lanes(2, 0).build(),
              (CoordinatorContext<long[], Void> ctx) -> ctx.fuelCheckpoint(1));
        } catch (FuelExhaustedException expected) {
          System.out.println("launched without a recording");
        }
      }
    }
  }

  private static List<RecordedEvent> all(List<RecordedEvent> events, String type, String tasklet) {
    return events.stream()
        .filter(e -> e.getEventType().getName().equals(type))
        .filter(e -> tasklet.equals(e.getString("tasklet")))
        .toList();
  }

  private static RecordedEvent the(List<RecordedEvent> events, String type, String tasklet) {
    List<RecordedEvent> found = all(events, type, tasklet);
    assertEquals(1, found.size(), type + " of " + tasklet + ": " + found);
    return found.getFirst();
  }

  /** The class path of a child JVM that needs {@code classes}, wherever the build put them. */
  static String classPath(Class<?>... classes) throws java.net.URISyntaxException {
    StringBuilder path = new StringBuilder();
    for (Class<?> type : classes) {
      if (!path.isEmpty()) {
        path.append(java.io.File.pathSeparator);
      }
      path.append(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    return path.toString();
  }
}
