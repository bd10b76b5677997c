package io.tasklet.runtime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input that lanes may read is read in place, not copied; input only the launching thread may
 * read, or that the caller asks to copy, is copied; lanes write the output straight into a
 * destination of the caller's.
 */
class ZeroCopyTest {
  private static final int LANES = 4;

  private final TaskletRuntime runtime = TaskletRuntime.withCores(LANES);
  private final Arena shared = Arena.ofShared();

  @AfterEach
  void close() throws Exception {
    Failures.assertStillWorks(runtime);
    runtime.close();
    shared.close();
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  /** Where an input of the caller's lives: every kind lane threads may read. */
  enum Source {
    HEAP(MemorySegment::ofArray),
    SHARED_ARENA(bytes -> copyOf(Arena.ofShared(), bytes)),
    GLOBAL_ARENA(bytes -> copyOf(Arena.global(), bytes)),
    AUTO_ARENA(bytes -> copyOf(Arena.ofAuto(), bytes)),
    DIRECT_BUFFER(bytes -> MemorySegment.ofBuffer(ByteBuffer.allocateDirect(bytes.length)
        .put(bytes).flip())),
    SLICED_BUFFER(bytes -> sliced(ByteBuffer.allocateDirect(bytes.length + 13), 13, bytes)),
    SLICED_HEAP_BUFFER(bytes -> sliced(ByteBuffer.allocate(bytes.length + 5), 5, bytes));

    final Function<byte[], MemorySegment> make;

    Source(Function<byte[], MemorySegment> make) {
      this.make = make;
    }

    private static MemorySegment copyOf(Arena arena, byte[] bytes) {
      return arena.allocate(Math.max(bytes.length, 1)).asSlice(0, bytes.length)
          .copyFrom(MemorySegment.ofArray(bytes));
    }

    /** The segment of {@code buffer} with {@code bytes} at {@code position}, its position. */
    private static MemorySegment sliced(ByteBuffer buffer, int position, byte[] bytes) {
      buffer.position(position).put(bytes).position(position);
      return MemorySegment.ofBuffer(buffer);
    }
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void everyLaneSeesTheCallersInputInPlaceExactlyAsGiven(Source source) throws Exception {
    for (int size : new int[] {0, 1, 1000, 300_000}) {
      byte[] expected = pattern(size);
      MemorySegment given = source.make.apply(expected);
      TaskletResult<long[]> result = runtime.launch(
          Specs.longs(2 * LANES).lanes(LANES, 0).input(given, 1 << 20).build(),
          (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
            MemorySegment input = lane.input();
            boolean same = Arrays.equals(input.toArray(JAVA_BYTE), expected);
            // a native input is the caller's memory; a heap one shows no base once read-only
            boolean inPlace = size == 0 || !given.isNative() || input.address() == given.address();
            Specs.set(lane.shared(), 2 * lane.index(), same ? 1 : 0);
            Specs.set(lane.shared(), 2 * lane.index() + 1, inPlace ? 1 : 0);
          }));
      assertEquals(2L * LANES, Arrays.stream(result.shared()).sum(), source + ", " + size);
      assertEquals(0, result.plan().inputBytes(), "nothing copied");
    }
  }

  @Test
  void inputOfAConfinedArenaOfTheLaunchingThreadIsCopied() throws Exception {
    byte[] expected = pattern(400_000);
    try (Arena confined = Arena.ofConfined()) {
      MemorySegment given = Source.copyOf(confined, expected);
      TaskletResult<long[]> result = runtime.launch(
          Specs.longs(LANES).lanes(LANES, 0).input(given, 1 << 20).build(),
          (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane ->
              Specs.set(lane.shared(), lane.index(),
                  Arrays.equals(lane.input().toArray(JAVA_BYTE), expected) ? 1 : 0)));
      assertEquals(LANES, Arrays.stream(result.shared()).sum());
      assertEquals(expected.length, result.plan().inputBytes());
    }
  }

  @Test
  void copyInputCopiesAndTheCallerMayThenChangeItsBuffer() throws Exception {
    byte[] given = pattern(300_000);
    byte[] expected = given.clone();
    TaskletResult<long[]> result = runtime.launch(
        Specs.longs(LANES).lanes(LANES, 0).input(MemorySegment.ofArray(given), 1 << 20)
            .copyInput(true).build(),
        (CoordinatorContext<long[], Void> ctx) -> {
          Arrays.fill(given, (byte) 0); // the caller's buffer changes; the launch's copy does not
          ctx.parallelForWorkers(lane -> Specs.set(lane.shared(), lane.index(),
              Arrays.equals(lane.input().toArray(JAVA_BYTE), expected) ? 1 : 0));
        });
    assertEquals(LANES, Arrays.stream(result.shared()).sum());
    assertEquals(given.length, result.plan().inputBytes());
  }

  @Test
  void aLaneWritingTheInputFailsTypedAndTheCallersBytesStay() {
    byte[] given = pattern(64);
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).input(MemorySegment.ofArray(given), 64).build(),
        ctx -> ctx.parallelForWorkers(lane -> lane.input().set(JAVA_BYTE, 3, (byte) 0)));
    assertInstanceOf(LaneFailedException.class, failure);
    assertArrayEquals(pattern(64), given);
  }

  @Test
  void lanesWriteTheOutputStraightIntoTheCallersDestination() throws Exception {
    for (MemorySegment destination : new MemorySegment[] {
        MemorySegment.ofArray(new byte[4096]), shared.allocate(5000),
        MemorySegment.ofBuffer(ByteBuffer.allocateDirect(4096))}) {
      TaskletResult<long[]> result = runtime.launch(
          Specs.longs(1).lanes(LANES, 0).outputBytes(4096)
              .outputTo(Optional.of(destination)).build(),
          (CoordinatorContext<long[], Void> ctx) -> ctx.parallelForWorkers(lane -> {
            Share share = lane.share(4096);
            for (long i = share.start(); i < share.end(); i++) {
              lane.output().set(JAVA_BYTE, i, (byte) (i + 1));
            }
          }));
      assertEquals(0, result.plan().outputBytes(), "no output region in linear memory");
      byte[] output = result.output();
      assertEquals(4096, output.length);
      for (int i = 0; i < 4096; i++) {
        assertEquals((byte) (i + 1), destination.get(JAVA_BYTE, i));
        assertEquals((byte) (i + 1), output[i]);
      }
    }
  }

  @Test
  void aDestinationLanesCannotWriteWholeIsRejectedBeforeAnythingRuns() {
    Arena closed = Arena.ofShared();
    MemorySegment gone = closed.allocate(100);
    closed.close();
    try (Arena confined = Arena.ofConfined()) {
      for (var bad : new Object[][] {
          {MemorySegment.ofArray(new byte[99]), "smaller than the declared output of 100"},
          {MemorySegment.ofArray(new byte[100]).asReadOnly(), "read-only"},
          {gone, "closed"},
          {confined.allocate(100), "confined arena"}}) {
        MemorySegment destination = (MemorySegment) bad[0];
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
            () -> LaunchSpec.checkOutputDestination(destination, 100));
        assertTrue(thrown.getMessage().contains((String) bad[1]), thrown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Specs.longs(1).lanes(1, 0)
            .outputBytes(100).outputTo(Optional.of(destination)).build());
      }
    }
    assertThrows(NullPointerException.class, () -> LaunchSpec.checkOutputDestination(null, 1));
  }

  @Test
  void aDestinationClosedDuringTheLaunchFailsItTypedAndLosesNothingElse() {
    Arena caller = Arena.ofShared();
    MemorySegment destination = caller.allocate(256);
    TaskletException failure = Failures.launchFails(runtime,
        Specs.longs(1).lanes(2, 0).outputBytes(256).outputTo(Optional.of(destination)).build(),
        ctx -> {
          ctx.parallelForWorkers(lane -> lane.output().set(JAVA_BYTE, lane.index(), (byte) 1));
          caller.close(); // the caller's arena goes away between phases
          ctx.parallelForWorkers(lane -> lane.output().set(JAVA_BYTE, lane.index(), (byte) 2));
        });
    assertInstanceOf(LaneFailedException.class, failure);
    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertEquals(0, runtime.reservedBytes());
  }
}
