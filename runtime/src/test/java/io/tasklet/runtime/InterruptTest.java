package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interrupting the launching thread stops the launch, even when user code blocks in an
 * interruptible call on that thread or on a lane's: lanes blocked on their own threads are
 * interrupted too, the launch fails with {@link LaunchInterruptedException}, and the interrupt
 * status is set when it returns.
 */
class InterruptTest {
  private static final Duration BOUND = Duration.ofSeconds(30);

  /** With a deadline of a day, the coordinator runs on a lane thread; without, on the caller. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void interruptingTheLaunchingThreadStopsLanesBlockedAnywhere(boolean deadline) {
    assertTimeoutPreemptively(BOUND, () -> {
      try (TaskletRuntime runtime = TaskletRuntime.withCores(3)) {
        CountDownLatch blocked = new CountDownLatch(3);
        Thread launching = Thread.currentThread();
        Thread interrupter = Thread.ofPlatform().start(() -> {
          try {
            blocked.await();
          } catch (InterruptedException e) {
            return;
          }
          launching.interrupt();
        });
        LaunchSpec.Builder<long[]> spec = Specs.longs(3).lanes(3, 0);
        if (deadline) {
          spec.deadline(Optional.of(Duration.ofDays(1)));
        }
        TaskletException failure = assertThrows(TaskletException.class,
            () -> runtime.launch(spec.build(), (CoordinatorContext<long[], Void> ctx) ->
                ctx.parallelForWorkers(lane -> {
                  blocked.countDown();
                  if (lane.index() == 1) {
                    new LinkedBlockingQueue<>().take();
                  } else {
                    Thread.sleep(TimeUnit.DAYS.toMillis(1));
                  }
                })));
        assertTrue(Thread.interrupted(), "the interrupt status is set on return");
        interrupter.join();
        assertInstanceOf(LaunchInterruptedException.class, failure);
        assertEquals(0, runtime.quarantinedLanes());
        TaskletResult<long[]> next = runtime.launch(Specs.longs(3).lanes(3, 0).build(),
            (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane ->
                Specs.set(lane.shared(), lane.index(),
                    Thread.currentThread().isInterrupted() ? 1 : 2)));
        assertEquals(6, next.shared()[0] + next.shared()[1] + next.shared()[2],
            "the next launch starts with no lane interrupted");
      }
    });
  }
}
