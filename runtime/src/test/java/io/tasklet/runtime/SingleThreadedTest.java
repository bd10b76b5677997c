package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The single-threaded path: the calling thread, no lanes, the same memory and fuel rules. */
class SingleThreadedTest {
  @Test
  void runsOnTheCallingThreadAndStartsNoThread() throws Exception {
    long threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    TaskletResult<long[]> result = TaskletRuntime.runOnCallingThread(
        Specs.longs(1).input(MemorySegment.ofArray(new byte[] {1, 2, 3}), 8).outputBytes(3)
            .maxFuel(OptionalLong.of(10)).build(),
        ctx -> {
          ranOn.set(Thread.currentThread());
          long sum = 0;
          for (long i = 0; i < ctx.input().byteSize(); i++) {
            ctx.fuelCheckpoint(1);
            byte b = ctx.input().get(ValueLayout.JAVA_BYTE, i);
            sum += b;
            ctx.output().set(ValueLayout.JAVA_BYTE, i, (byte) (b * 2));
          }
          Specs.set(ctx.shared(), 0, sum);
        });
    assertSame(Thread.currentThread(), ranOn.get());
    assertEquals(threadsStarted, ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
    assertEquals(6, result.shared()[0]);
    assertArrayEquals(new byte[] {2, 4, 6}, result.output());
    assertEquals(3, result.fuelConsumed());
    assertEquals(7, result.fuelRemaining());
    assertEquals(0, result.workers());
  }

  @Test
  void failsWithTheSameTypedErrors() {
    TaskletException failure = assertThrows(TaskletException.class,
        () -> TaskletRuntime.runOnCallingThread(Specs.longs(1).maxFuel(OptionalLong.of(2)).build(),
            ctx -> ctx.fuelCheckpoint(3)));
    assertInstanceOf(FuelExhaustedException.class, failure);
    assertInstanceOf(CoordinatorFailedException.class, assertThrows(TaskletException.class,
        () -> TaskletRuntime.runOnCallingThread(Specs.longs(1).build(), ctx -> {
          throw new IllegalStateException("no");
        })));
    assertInstanceOf(LaunchRejectedException.class, assertThrows(TaskletException.class,
        () -> TaskletRuntime.runOnCallingThread(Specs.longs(1).lanes(2, 0).build(), ctx -> {})));
  }
}
