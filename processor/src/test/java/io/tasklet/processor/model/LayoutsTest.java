package io.tasklet.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutsTest {
  private static Layouts.Declared scalar(String name, ValueType type) {
    return new Layouts.Declared(name, type, ComponentModel.SCALAR);
  }

  @Test
  void histogramOfTheDesign() {
    RecordModel histogram =
        Layouts.layOut(
            "p",
            List.of("Histogram"),
            true,
            List.of(
                new Layouts.Declared("bins", Primitive.LONG, 256),
                scalar("bytesSeen", Primitive.LONG)));
    assertThat(histogram.size()).isEqualTo(2056);
    assertThat(histogram.alignment()).isEqualTo(8);
    assertThat(histogram.components().get(1).offset()).isEqualTo(2048);
    assertThat(histogram.components().get(0).size()).isEqualTo(2048);
    assertThat(histogram.components().get(0).stride()).isEqualTo(8);
    assertThat(histogram.viewSimpleName()).isEqualTo("HistogramView");
    assertThat(histogram.fits()).isTrue();
  }

  @Test
  void cStructWithPaddingEverywhere() {
    // struct { char a; double b; short c; struct { int x; char y; } d[2]; char e; }
    RecordModel pair =
        Layouts.layOut(
            "p",
            List.of("Outer", "Pair"),
            false,
            List.of(scalar("x", Primitive.INT), scalar("y", Primitive.BYTE)));
    assertThat(pair.size()).isEqualTo(8);
    assertThat(pair.alignment()).isEqualTo(4);
    RecordModel model =
        Layouts.layOut(
            "p",
            List.of("S"),
            false,
            List.of(
                scalar("a", Primitive.BYTE),
                scalar("b", Primitive.DOUBLE),
                scalar("c", Primitive.SHORT),
                new Layouts.Declared("d", new RecordType(pair), 2),
                scalar("e", Primitive.BOOLEAN)));
    assertThat(model.components().stream().map(ComponentModel::offset).toList())
        .containsExactly(0L, 8L, 16L, 20L, 36L)
        .inOrder();
    assertThat(model.size()).isEqualTo(40);
    assertThat(model.alignment()).isEqualTo(8);
  }

  @Test
  void emptyRecord() {
    RecordModel empty = Layouts.layOut("", List.of("Empty"), false, List.of());
    assertThat(empty.size()).isEqualTo(0);
    assertThat(empty.alignment()).isEqualTo(1);
  }

  @Test
  void enumsTakeTheNarrowestUnsignedInteger() {
    assertThat(new EnumType("p", List.of("E"), 0).storage()).isEqualTo(Primitive.BYTE);
    assertThat(new EnumType("p", List.of("E"), 256).storage()).isEqualTo(Primitive.BYTE);
    assertThat(new EnumType("p", List.of("E"), 257).storage()).isEqualTo(Primitive.SHORT);
    assertThat(new EnumType("p", List.of("E"), 65_536).storage()).isEqualTo(Primitive.SHORT);
    assertThat(new EnumType("p", List.of("E"), 65_537).storage()).isEqualTo(Primitive.INT);
    assertThat(new EnumType("p", List.of("E"), 65_537).alignment()).isEqualTo(4);
  }

  @Test
  void arithmeticSaturatesInsteadOfOverflowing() {
    assertThat(Layouts.add(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
    assertThat(Layouts.multiply(1L << 32, 1L << 31)).isEqualTo(Long.MAX_VALUE);
    assertThat(Layouts.multiply(0xFFFF_FFFFL, Integer.MAX_VALUE)).isEqualTo(0xFFFF_FFFFL * Integer.MAX_VALUE);
    assertThat(Layouts.alignUp(Long.MAX_VALUE - 2, 8)).isEqualTo(Long.MAX_VALUE);
    assertThat(Layouts.alignUp(9, 8)).isEqualTo(16);
    assertThat(Layouts.alignUp(16, 8)).isEqualTo(16);
    assertThat(Layouts.alignUp(0, 8)).isEqualTo(0);
    assertThrows(IllegalArgumentException.class, () -> Layouts.alignUp(3, 6));
  }

  @Test
  void hugeLayoutsSaturateAndDoNotFit() {
    RecordModel big =
        Layouts.layOut(
            "p", List.of("Big"), false, List.of(new Layouts.Declared("a", Primitive.LONG, 536_870_911)));
    assertThat(big.size()).isEqualTo(4_294_967_288L);
    assertThat(big.fits()).isTrue();
    RecordModel huge =
        Layouts.layOut(
            "p",
            List.of("Huge"),
            false,
            List.of(
                new Layouts.Declared("a", new RecordType(big), Integer.MAX_VALUE),
                new Layouts.Declared("b", new RecordType(big), Integer.MAX_VALUE),
                scalar("c", Primitive.LONG)));
    assertThat(huge.size()).isEqualTo(Long.MAX_VALUE);
    assertThat(huge.fits()).isFalse();
    RecordModel justOver =
        Layouts.layOut(
            "p",
            List.of("JustOver"),
            false,
            List.of(new Layouts.Declared("a", Primitive.BYTE, Integer.MAX_VALUE),
                new Layouts.Declared("b", Primitive.BYTE, Integer.MAX_VALUE),
                new Layouts.Declared("c", Primitive.BYTE, 2)));
    assertThat(justOver.size()).isEqualTo(Layouts.MAX_SIZE + 1);
    assertThat(justOver.fits()).isFalse();
  }

  @Test
  void constantNames() {
    assertThat(ComponentModel.constantCase("bytesSeen")).isEqualTo("BYTES_SEEN");
    assertThat(ComponentModel.constantCase("bins")).isEqualTo("BINS");
    assertThat(ComponentModel.constantCase("httpURLCount")).isEqualTo("HTTP_URL_COUNT");
    assertThat(ComponentModel.constantCase("bytes_seen")).isEqualTo("BYTES_SEEN");
    assertThat(ComponentModel.constantCase("x2y")).isEqualTo("X2Y");
    assertThat(ComponentModel.constantCase("lane2Count")).isEqualTo("LANE2_COUNT");
    assertThat(ComponentModel.constantCase("A")).isEqualTo("A");
    assertThat(ComponentModel.capitalize("bytesSeen")).isEqualTo("BytesSeen");
  }

  @Test
  void sizeOnlyModelsKeepTheContract() {
    RecordModel model = new RecordModel("p", List.of("A", "B"), true, 16, 8);
    assertThat(model.components()).isEmpty();
    assertThat(model.viewSimpleName()).isEqualTo("A_BView");
    assertThat(model.displayName()).isEqualTo("A.B");
  }
}
