package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static io.tasklet.processor.Compiled.invoke;
import static io.tasklet.processor.Compiled.operation;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.JavaFileObjects;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the generated layouts and views: offsets, checks, atomics, whole-record moves. */
class GeneratedViewTest {
  private static Compiled compiled;
  private static Arena arena;

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString(
        "p." + name, "package p;\n\nimport io.tasklet.annotations.*;\n\n" + body);
  }

  @BeforeAll
  static void compile() {
    StringBuilder manyModes = new StringBuilder("public enum ManyModes {");
    for (int i = 0; i < 257; i++) {
      manyModes.append(i == 0 ? " M" : ", M").append(i);
    }
    StringBuilder byteModes = new StringBuilder("public enum ByteModes {");
    for (int i = 0; i < 256; i++) {
      byteModes.append(i == 0 ? " B" : ", B").append(i);
    }
    compiled =
        Compiled.compile(
            source(
                "Histogram",
                "@SharedState\npublic record Histogram(@Length(256) long[] bins, long bytesSeen)"
                    + " {}"),
            source("Mode", "public enum Mode { IDLE, RUNNING, DONE }"),
            source("Pair", "@WorkerScratch\npublic record Pair(int x, byte y) {}"),
            source(
                "Mixed",
                "@WorkerScratch\npublic record Mixed(byte a, long b, short c, @Length(3) char[] d,"
                    + " int e, boolean f, double g, Mode mode, @Length(5) Mode[] modes, Pair pair,"
                    + " @Length(3) Pair[] pairs, float h, @Length(2) boolean[] flags) {}"),
            source(
                "Counters",
                "@SharedState\npublic record Counters(byte b, short s, char c, int i, long l,"
                    + " @Length(3) byte[] bs, @Length(3) short[] ss, @Length(3) char[] cs,"
                    + " @Length(3) int[] is, @Length(3) long[] ls) {}"),
            source("ManyModes", manyModes.append(" }").toString()),
            source("ByteModes", byteModes.append(" }").toString()),
            source(
                "Modes",
                "@WorkerScratch\npublic record Modes(ManyModes many, ByteModes few, ManyModes"
                    + " other) {}"),
            source("Empty", "@WorkerScratch\npublic record Empty() {}"),
            source("Flag", "@SharedState\npublic record Flag(byte f) {}"),
            source(
                "Flags",
                "@SharedState\npublic record Flags(byte first, Flag flag, @Length(3) Flag[] more,"
                    + " short last) {}"),
            source(
                "Tricky",
                "@SharedState\npublic record Tricky(@Length(2) long[] value, @Length(2) Mode[] i,"
                    + " long index, int offset, @Length(2) int[] Objects, Mode RECORD_NAME,"
                    + " long of, long write, @Length(2) long[] delta, Pair ValueLayout,"
                    + " long newValue, @Length(2) short[] expected, @Length(1) Pair[] Views,"
                    + " char LONG_HANDLE) {}"),
            source(
                "Outer",
                "public class Outer {\n  @SharedState public record Inner(long v,"
                    + " @Length(2) Empty[] nothing) {}\n}"));
    arena = Arena.ofShared();
  }

  @AfterAll
  static void close() {
    arena.close();
  }

  private static long constant(String type, String name) {
    return ((Number) compiled.constant("p." + type, name)).longValue();
  }

  private static Object view(String record, MemorySegment segment) {
    return invoke(null, compiled.load("p." + record + "View"), "of", segment);
  }

  private static Object view(String record) {
    long size = constant(record + "View", "SIZE");
    long alignment = constant(record + "View", "ALIGNMENT");
    return view(record, arena.allocate(Math.max(size, 1), alignment));
  }

  @Test
  void offsetsAreThoseOfTheEquivalentCStruct() {
    // struct Mixed { int8_t a; int64_t b; int16_t c; uint16_t d[3]; int32_t e; bool f; double g;
    //   uint8_t mode; uint8_t modes[5]; struct Pair pair; struct Pair pairs[3]; float h;
    //   bool flags[2]; }, with struct Pair { int32_t x; int8_t y; }, as gcc lays it out on x86-64.
    Map<String, Long> expected =
        Map.ofEntries(
            Map.entry("OFFSET_A", 0L),
            Map.entry("OFFSET_B", 8L),
            Map.entry("OFFSET_C", 16L),
            Map.entry("OFFSET_D", 18L),
            Map.entry("OFFSET_E", 24L),
            Map.entry("OFFSET_F", 28L),
            Map.entry("OFFSET_G", 32L),
            Map.entry("OFFSET_MODE", 40L),
            Map.entry("OFFSET_MODES", 41L),
            Map.entry("OFFSET_PAIR", 48L),
            Map.entry("OFFSET_PAIRS", 56L),
            Map.entry("OFFSET_H", 80L),
            Map.entry("OFFSET_FLAGS", 84L),
            Map.entry("SIZE", 88L),
            Map.entry("ALIGNMENT", 8L),
            Map.entry("LENGTH_PAIRS", 3L));
    expected.forEach(
        (name, value) ->
            assertWithMessage(name).that(constant("MixedView", name)).isEqualTo(value));
    assertThat(constant("PairView", "SIZE")).isEqualTo(8);
    assertThat(constant("PairView", "ALIGNMENT")).isEqualTo(4);

    StructLayout layout = (StructLayout) compiled.constant("p.MixedView", "LAYOUT");
    assertThat(layout.byteSize()).isEqualTo(88);
    assertThat(layout.byteAlignment()).isEqualTo(8);
    assertThat(layout.byteOffset(PathElement.groupElement("pairs"))).isEqualTo(56);
    assertThat(
            layout.byteOffset(
                PathElement.groupElement("pairs"),
                PathElement.sequenceElement(2),
                PathElement.groupElement("y")))
        .isEqualTo(56 + 2 * 8 + 4);
  }

  @Test
  void histogramOfTheDesign() {
    assertThat(constant("HistogramView", "SIZE")).isEqualTo(2056);
    assertThat(constant("HistogramView", "OFFSET_BINS")).isEqualTo(0);
    assertThat(constant("HistogramView", "LENGTH_BINS")).isEqualTo(256);
    assertThat(constant("HistogramView", "OFFSET_BYTES_SEEN")).isEqualTo(2048);
    Object histogram = view("Histogram");
    // a final class (see ViewWriter), made by of(segment) only, with no generic bridges (see Views)
    assertThat(Modifier.isFinal(histogram.getClass().getModifiers())).isTrue();
    assertThat(histogram.getClass().isRecord()).isFalse();
    assertThat(histogram.getClass().getConstructors()).isEmpty();
    assertThat(histogram.getClass().getInterfaces()).isEmpty();
    invoke(histogram, "bins", 255, 7L);
    invoke(histogram, "bytesSeen", 99L);
    MemorySegment segment = (MemorySegment) invoke(histogram, "segment");
    assertThat(segment.getAtIndex(ValueLayout.JAVA_LONG, 255)).isEqualTo(7);
    assertThat(segment.getAtIndex(ValueLayout.JAVA_LONG, 256)).isEqualTo(99);
    assertThat(invoke(histogram, "bins", 255)).isEqualTo(7L);
  }

  @Test
  void indexOutOfBoundsNamesComponentIndexAndLength() {
    Object histogram = view("Histogram");
    IndexOutOfBoundsException tooHigh =
        assertThrows(IndexOutOfBoundsException.class, () -> invoke(histogram, "bins", 300));
    assertThat(tooHigh).hasMessageThat()
        .isEqualTo("bins[300] out of bounds for length 256 in Histogram");
    IndexOutOfBoundsException negative =
        assertThrows(
            IndexOutOfBoundsException.class, () -> invoke(histogram, "bins", -1, 5L));
    assertThat(negative).hasMessageThat()
        .isEqualTo("bins[-1] out of bounds for length 256 in Histogram");
    IndexOutOfBoundsException atomic =
        assertThrows(
            IndexOutOfBoundsException.class,
                () -> operation(histogram, "bins", "getAndAdd", 256, 1L));
    assertThat(atomic).hasMessageThat()
        .isEqualTo("bins[256] out of bounds for length 256 in Histogram");
    Object mixed = view("Mixed");
    IndexOutOfBoundsException nested =
        assertThrows(IndexOutOfBoundsException.class, () -> invoke(mixed, "pairs", 3));
    assertThat(nested).hasMessageThat().isEqualTo("pairs[3] out of bounds for length 3 in Mixed");
    // the most negative index too, which a signed comparison against the length would let by
    IndexOutOfBoundsException wrapped = assertThrows(IndexOutOfBoundsException.class,
        () -> invoke(mixed, "pairs", Integer.MIN_VALUE));
    assertThat(wrapped).hasMessageThat()
        .isEqualTo("pairs[-2147483648] out of bounds for length 3 in Mixed");
    IndexOutOfBoundsException chars =
        assertThrows(IndexOutOfBoundsException.class, () -> invoke(mixed, "d", Integer.MIN_VALUE));
    assertThat(chars).hasMessageThat()
        .isEqualTo("d[-2147483648] out of bounds for length 3 in Mixed");
    IndexOutOfBoundsException modes =
        assertThrows(IndexOutOfBoundsException.class, () -> invoke(mixed, "modes", 5));
    assertThat(modes).hasMessageThat().isEqualTo("modes[5] out of bounds for length 5 in Mixed");
  }

  @Test
  void ofRejectsSmallSegments() {
    IllegalArgumentException small =
        assertThrows(IllegalArgumentException.class, () -> view("Histogram", arena.allocate(16, 8)));
    assertThat(small)
        .hasMessageThat()
        .isEqualTo("a Histogram needs a segment of at least 2,056 bytes; this one has 16 bytes");
  }

  @Test
  void ofRejectsMisalignedSegments() {
    MemorySegment misaligned = arena.allocate(4096, 8).asSlice(4);
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> view("Histogram", misaligned));
    assertThat(thrown)
        .hasMessageThat()
        .isEqualTo(
            "a Histogram needs a segment aligned to 8 bytes; this one is aligned to 4 bytes only"
                + " (allocate it with an alignment of 8)");
    assertThrows(NullPointerException.class, () -> view("Histogram", null));
  }

  @Test
  void viewsOfNestedRecordsShareTheParentsMemory() {
    Object mixed = view("Mixed");
    Object pair = invoke(mixed, "pairs", 2);
    invoke(pair, "x", 41);
    MemorySegment segment = (MemorySegment) invoke(mixed, "segment");
    assertThat(segment.get(ValueLayout.JAVA_INT, 56 + 16)).isEqualTo(41);
    invoke(invoke(mixed, "pair"), "y", (byte) 3);
    assertThat(segment.get(ValueLayout.JAVA_BYTE, 48 + 4)).isEqualTo(3);
  }

  @Test
  void readReturnsWhatWriteStored() throws Exception {
    Object mixed = view("Mixed");
    Object record = mixedRecord();
    invoke(mixed, "write", record);
    Object first = invoke(mixed, "read");
    Object second = invoke(mixed, "read");
    assertThat(RecordValues.deepEquals(first, record)).isTrue();
    assertThat(RecordValues.deepEquals(second, record)).isTrue();
    Object firstArray = first.getClass().getRecordComponents()[3].getAccessor().invoke(first);
    Object secondArray = second.getClass().getRecordComponents()[3].getAccessor().invoke(second);
    assertThat(firstArray).isNotSameInstanceAs(secondArray);
    assertThat(invoke(mixed, "mode").toString()).isEqualTo("DONE");
    assertThat(invoke(mixed, "modes", 4).toString()).isEqualTo("RUNNING");
    assertThat(invoke(invoke(mixed, "pairs", 1), "read").toString()).isEqualTo("Pair[x=2, y=-2]");
  }

  /**
   * Each write here fails on a whole component (a record, an array, an enum, a nested record),
   * which {@code write} checks before it writes anything: the fresh view's memory stays zero,
   * though the components before and after the bad one are set. Only an array's elements are
   * checked as they are written (the last case).
   */
  @Test
  void writeNamesTheComponentAtFault() throws Exception {
    Object mixed = view("Mixed");
    MemorySegment memory = (MemorySegment) invoke(mixed, "segment");
    MemorySegment zeros = arena.allocate(memory.byteSize());
    NullPointerException nullRecord =
        assertThrows(NullPointerException.class, () -> invoke(mixed, "write", (Object) null));
    assertThat(nullRecord).hasMessageThat().isEqualTo("cannot write a null Mixed");

    Object shortArray = mixedRecordWith(3, new char[2]);
    IllegalArgumentException wrongLength =
        assertThrows(IllegalArgumentException.class, () -> invoke(mixed, "write", shortArray));
    assertThat(wrongLength)
        .hasMessageThat()
        .isEqualTo("d of Mixed has 2 elements; its layout holds exactly 3");

    Object nullArray = mixedRecordWith(3, null);
    NullPointerException missingArray =
        assertThrows(NullPointerException.class, () -> invoke(mixed, "write", nullArray));
    assertThat(missingArray).hasMessageThat().contains("d of Mixed is null");

    Object nullEnum = mixedRecordWith(7, null);
    NullPointerException missingEnum =
        assertThrows(NullPointerException.class, () -> invoke(mixed, "write", nullEnum));
    assertThat(missingEnum).hasMessageThat().contains("cannot store null as mode of Mixed");

    Object nullPair = mixedRecordWith(9, null);
    NullPointerException missingPair =
        assertThrows(NullPointerException.class, () -> invoke(mixed, "write", nullPair));
    assertThat(missingPair).hasMessageThat().contains("cannot store null as pair of Mixed");
    assertThat(memory.mismatch(zeros)).isEqualTo(-1L);

    Object[] modes = (Object[]) Array.newInstance(compiled.load("p.Mode"), 5);
    Arrays.fill(modes, 0, 4, compiled.load("p.Mode").getEnumConstants()[0]);
    Object nullElement = mixedRecordWith(8, modes);
    NullPointerException missingElement =
        assertThrows(NullPointerException.class, () -> invoke(mixed, "write", nullElement));
    assertThat(missingElement).hasMessageThat().contains("cannot store null as modes[4] of Mixed");
  }

  @Test
  void enumsTakeTheNarrowestUnsignedIntegerThatHoldsTheirOrdinals() {
    assertThat(constant("ModesView", "OFFSET_MANY")).isEqualTo(0);
    assertThat(constant("ModesView", "OFFSET_FEW")).isEqualTo(2);
    assertThat(constant("ModesView", "OFFSET_OTHER")).isEqualTo(4);
    assertThat(constant("ModesView", "SIZE")).isEqualTo(6);
    Object modes = view("Modes");
    Object[] many = compiled.load("p.ManyModes").getEnumConstants();
    Object[] few = compiled.load("p.ByteModes").getEnumConstants();
    invoke(modes, "many", many[256]);
    invoke(modes, "few", few[255]);
    assertThat(invoke(modes, "many")).isSameInstanceAs(many[256]);
    assertThat(invoke(modes, "few")).isSameInstanceAs(few[255]);
    MemorySegment segment = (MemorySegment) invoke(modes, "segment");
    assertThat(segment.get(ValueLayout.JAVA_SHORT, 0)).isEqualTo((short) 256);
    assertThat(segment.get(ValueLayout.JAVA_BYTE, 2)).isEqualTo((byte) 255);

    segment.set(ValueLayout.JAVA_SHORT, 4, (short) 300);
    IllegalStateException bad = assertThrows(IllegalStateException.class, () -> invoke(modes, "other"));
    assertThat(bad)
        .hasMessageThat()
        .isEqualTo("other of Modes holds 300, which is no ordinal of ManyModes (it has 257 constants)");
  }

  @Test
  void orderedAccessOnSharedState() {
    Object counters = view("Counters");
    operation(counters, "l", "setVolatile", 5L);
    assertThat(operation(counters, "l", "getAcquire")).isEqualTo(5L);
    operation(counters, "i", "setRelease", 6);
    assertThat(operation(counters, "i", "getVolatile")).isEqualTo(6);
    operation(counters, "cs", "setVolatile", 2, 'x');
    assertThat(operation(counters, "cs", "getAcquire", 2)).isEqualTo('x');
    operation(counters, "b", "setRelease", (byte) -3);
    assertThat(operation(counters, "b", "getVolatile")).isEqualTo((byte) -3);
  }

  @Test
  void compareAndSetOnEveryIntegralType() {
    Object counters = view("Counters");
    assertThat(operation(counters, "l", "compareAndSet", 0L, 10L)).isEqualTo(true);
    assertThat(operation(counters, "l", "compareAndSet", 0L, 11L)).isEqualTo(false);
    assertThat(invoke(counters, "l")).isEqualTo(10L);
    assertThat(operation(counters, "i", "compareAndSet", 0, -1)).isEqualTo(true);
    assertThat(invoke(counters, "i")).isEqualTo(-1);
    assertThat(operation(counters, "s", "compareAndSet", (short) 0, (short) -7)).isEqualTo(true);
    assertThat(operation(counters, "s", "compareAndSet", (short) 0, (short) 7)).isEqualTo(false);
    assertThat(invoke(counters, "s")).isEqualTo((short) -7);
    assertThat(operation(counters, "c", "compareAndSet", (char) 0, '\uffff')).isEqualTo(true);
    assertThat(invoke(counters, "c")).isEqualTo('\uffff');
    assertThat(operation(counters, "b", "compareAndSet", (byte) 0, (byte) -128)).isEqualTo(true);
    assertThat(invoke(counters, "b")).isEqualTo((byte) -128);
    // Neighbours in the same 4-byte word are untouched.
    assertThat(invoke(counters, "s")).isEqualTo((short) -7);
    assertThat(invoke(counters, "c")).isEqualTo('\uffff');
    for (int index = 0; index < 3; index++) {
      assertThat(operation(counters, "bs", "compareAndSet", index, (byte) 0, (byte) (index + 1)))
          .isEqualTo(true);
      assertThat(operation(counters, "ls", "compareAndSet", index, 0L, (long) index + 1))
          .isEqualTo(true);
    }
    assertThat(invoke(counters, "bs", 0)).isEqualTo((byte) 1);
    assertThat(invoke(counters, "bs", 1)).isEqualTo((byte) 2);
    assertThat(invoke(counters, "bs", 2)).isEqualTo((byte) 3);
    assertThat(invoke(counters, "ls", 2)).isEqualTo(3L);
  }

  @Test
  void getAndAddWrapsAndReturnsThePreviousValue() {
    Object counters = view("Counters");
    invoke(counters, "b", (byte) 127);
    assertThat(operation(counters, "b", "getAndAdd", (byte) 1)).isEqualTo((byte) 127);
    assertThat(invoke(counters, "b")).isEqualTo((byte) -128);
    invoke(counters, "c", '\uffff');
    assertThat(operation(counters, "c", "getAndAdd", (char) 2)).isEqualTo('\uffff');
    assertThat(invoke(counters, "c")).isEqualTo((char) 1);
    assertThat(operation(counters, "ls", "getAndAdd", 1, 5L)).isEqualTo(0L);
    assertThat(operation(counters, "ls", "getAndAdd", 1, 5L)).isEqualTo(5L);
    assertThat(operation(counters, "ss", "getAndAdd", 2, (short) -1)).isEqualTo((short) 0);
    assertThat(invoke(counters, "ss", 2)).isEqualTo((short) -1);
    assertThat(invoke(counters, "ss", 1)).isEqualTo((short) 0);
  }

  @Test
  void getAndAddIsAtomicAcrossThreads() throws Exception {
    Object counters = view("Counters");
    int threads = 4;
    int rounds = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < rounds; r++) {
                    operation(counters, "l", "getAndAdd", 1L);
                    operation(counters, "i", "getAndAdd", 1);
                    operation(counters, "s", "getAndAdd", (short) 1);
                    operation(counters, "b", "getAndAdd", (byte) 1);
                    operation(counters, "c", "getAndAdd", (char) 1);
                    operation(counters, "bs", "getAndAdd", r % 3, (byte) 1);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    long total = (long) threads * rounds;
    assertThat(invoke(counters, "l")).isEqualTo(total);
    assertThat(invoke(counters, "i")).isEqualTo((int) total);
    assertThat(invoke(counters, "s")).isEqualTo((short) total);
    assertThat(invoke(counters, "b")).isEqualTo((byte) total);
    assertThat(invoke(counters, "c")).isEqualTo((char) total);
    int sum = 0;
    for (int index = 0; index < 3; index++) {
      sum += Byte.toUnsignedInt((Byte) invoke(counters, "bs", index));
    }
    assertThat(sum % 256).isEqualTo((int) (total % 256));
  }

  @Test
  void narrowAtomicsWorkWhereverTheRecordSits() {
    // A @SharedState record with narrow values is aligned as if _Alignas(4), so the 4-byte word
    // each is updated through lies inside the record: alone, nested, or in an array.
    assertThat(constant("FlagView", "SIZE")).isEqualTo(4);
    assertThat(constant("FlagView", "ALIGNMENT")).isEqualTo(4);
    MemorySegment exact = arena.allocate(4, 4);
    Object flag = view("Flag", exact);
    assertThat(operation(flag, "f", "getAndAdd", (byte) 2)).isEqualTo((byte) 0);
    assertThat(operation(flag, "f", "compareAndSet", (byte) 2, (byte) 5)).isEqualTo(true);
    assertThat(exact.get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 5);

    assertThat(constant("FlagsView", "OFFSET_FLAG")).isEqualTo(4);
    long size = constant("FlagsView", "SIZE");
    assertThat(size % 4).isEqualTo(0);
    Object flags = view("Flags", arena.allocate(size, 4));
    assertThat(operation(invoke(flags, "flag"), "f", "getAndAdd", (byte) 1)).isEqualTo((byte) 0);
    for (int index = 0; index < 3; index++) {
      Object element = invoke(flags, "more", index);
      assertThat(operation(element, "f", "compareAndSet", (byte) 0, (byte) (index + 1)))
          .isEqualTo(true);
    }
    assertThat(operation(flags, "last", "getAndAdd", (short) 7)).isEqualTo((short) 0);
    assertThat(operation(flags, "first", "getAndAdd", (byte) 3)).isEqualTo((byte) 0);
    Object read = invoke(flags, "read");
    assertThat(invoke(read, "last")).isEqualTo((short) 7);
    assertThat(invoke(read, "first")).isEqualTo((byte) 3);
  }

  @Test
  void componentNamesThatLookLikeGeneratedNames() throws Exception {
    Object tricky = view("Tricky");
    Object value = invoke(tricky, "read");
    Object[] modes = (Object[]) invoke(value, "i");
    assertThat(modes).hasLength(2);
    operation(tricky, "value", "getAndAdd", 1, 5L);
    operation(tricky, "expected", "getAndAdd", 0, (short) 2);
    invoke(tricky, "i", 1, compiled.load("p.Mode").getEnumConstants()[2]);
    Object updated = invoke(tricky, "read");
    invoke(tricky, "write", updated);
    assertThat(RecordValues.deepEquals(invoke(tricky, "read"), updated)).isTrue();
    assertThat(((long[]) invoke(updated, "value"))[1]).isEqualTo(5L);
    assertThat(((short[]) invoke(updated, "expected"))[0]).isEqualTo((short) 2);
  }

  @Test
  void emptyRecordsAndNestedNames() {
    assertThat(constant("EmptyView", "SIZE")).isEqualTo(0);
    assertThat(constant("EmptyView", "ALIGNMENT")).isEqualTo(1);
    assertThat(constant("Outer_InnerView", "SIZE")).isEqualTo(8);
    assertThat(constant("Outer_InnerView", "OFFSET_NOTHING")).isEqualTo(8);
    Object inner = view("Outer_Inner");
    invoke(inner, "v", 3L);
    assertThat(invoke(inner, "read").toString()).startsWith("Inner[v=3, nothing=[Lp.Empty;");
  }

  private static Object mixedRecord() throws Exception {
    return mixedRecordWith(-1, null);
  }

  /** A Mixed record with every component set, except component {@code index} set to {@code value}. */
  private static Object mixedRecordWith(int index, Object value) throws Exception {
    Class<?> mode = compiled.load("p.Mode");
    Class<?> pair = compiled.load("p.Pair");
    Constructor<?> newPair = pair.getDeclaredConstructor(int.class, byte.class);
    Object[] modes = (Object[]) Array.newInstance(mode, 5);
    for (int i = 0; i < 5; i++) {
      modes[i] = mode.getEnumConstants()[i % 3];
    }
    Object[] pairs = (Object[]) Array.newInstance(pair, 3);
    for (int i = 0; i < 3; i++) {
      pairs[i] = newPair.newInstance(i + 1, (byte) -(i + 1));
    }
    Object[] values = {
      (byte) -5,
      Long.MIN_VALUE,
      (short) 300,
      new char[] {'a', '\u00e9', '\uffff'},
      42,
      true,
      Math.PI,
      mode.getEnumConstants()[2],
      modes,
      newPair.newInstance(-1, (byte) 127),
      pairs,
      Float.NaN,
      new boolean[] {true, false}
    };
    if (index >= 0) {
      values[index] = value;
    }
    Class<?> mixed = compiled.load("p.Mixed");
    RecordComponent[] components = mixed.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    return mixed.getDeclaredConstructor(types).newInstance(values);
  }
}
