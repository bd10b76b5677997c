package io.tasklet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static io.tasklet.processor.Compiled.invoke;

import com.google.testing.compile.JavaFileObjects;
import io.tasklet.processor.model.ComponentModel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random record shapes, many per compilation: the generated constants agree with the generated
 * {@code StructLayout} and with a C natural-alignment computation written independently here, and
 * {@code write} then {@code read} gives back an equal record.
 */
class LayoutPropertyTest {
  private static final String[] PRIMITIVES = {
    "boolean", "byte", "short", "char", "int", "float", "long", "double"
  };
  private static final long[] PRIMITIVE_SIZES = {1, 1, 2, 2, 4, 4, 8, 8};
  private static final int SMALL_ENUM = PRIMITIVES.length;
  private static final int LARGE_ENUM = SMALL_ENUM + 1;
  private static final int FIRST_RECORD = LARGE_ENUM + 1;
  private static final int LARGE_ENUM_CONSTANTS = 300;

  /**
   * One component: {@code kind} picks a primitive, one of the two enums, or (from {@link
   * #FIRST_RECORD} on) one of the records declared before; {@code length} 0 means not an array.
   */
  record ComponentSpec(int kind, int length, boolean camelCase) {}

  record RecordSpec(boolean shared, List<ComponentSpec> components) {}

  /** Size, alignment and offsets of a record, computed as a C compiler would. */
  record CLayout(long size, long alignment, List<Long> offsets) {}

  @Provide
  Arbitrary<List<RecordSpec>> programs() {
    Arbitrary<ComponentSpec> component =
        Combinators.combine(
                Arbitraries.integers().between(0, FIRST_RECORD + 4),
                Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.just(0)),
                    Tuple.of(1, Arbitraries.integers().between(1, 7))),
                Arbitraries.of(true, false))
            .as(ComponentSpec::new);
    Arbitrary<RecordSpec> record =
        Combinators.combine(Arbitraries.of(true, false), component.list().ofMaxSize(7))
            .as(RecordSpec::new);
    return record.list().ofMinSize(1).ofMaxSize(16);
  }

  @Property(tries = 40)
  void layoutsMatchCAndValuesRoundTrip(
      @ForAll("programs") List<RecordSpec> records, @ForAll long seed) {
    Compiled compiled = Compiled.compile(sources(records).toArray(JavaFileObject[]::new));
    List<CLayout> layouts = new ArrayList<>();
    Random random = new Random(seed);
    try (Arena arena = Arena.ofConfined()) {
      for (int i = 0; i < records.size(); i++) {
        CLayout expected = cLayout(records, layouts, i);
        layouts.add(expected);
        checkConstants(compiled, records.get(i), i, expected);
        checkRoundTrip(compiled, i, expected, arena, random);
      }
    }
  }

  private static void checkConstants(
      Compiled compiled, RecordSpec record, int index, CLayout expected) {
    String layoutClass = "p.R" + index + "View";
    StructLayout layout = (StructLayout) compiled.constant(layoutClass, "LAYOUT");
    assertThat(compiled.constant(layoutClass, "SIZE")).isEqualTo(expected.size());
    assertThat(compiled.constant(layoutClass, "ALIGNMENT")).isEqualTo(expected.alignment());
    assertThat(layout.byteSize()).isEqualTo(expected.size());
    assertThat(layout.byteAlignment()).isEqualTo(expected.alignment());
    for (int j = 0; j < record.components().size(); j++) {
      ComponentSpec component = record.components().get(j);
      String name = componentName(component, j);
      String constant = ComponentModel.constantCase(name);
      long offset = (long) compiled.constant(layoutClass, "OFFSET_" + constant);
      assertWithMessage("R%s.%s", index, name).that(offset).isEqualTo(expected.offsets().get(j));
      assertWithMessage("R%s.%s in LAYOUT", index, name)
          .that(layout.byteOffset(PathElement.groupElement(name)))
          .isEqualTo(offset);
      if (component.length() > 0) {
        assertThat(compiled.constant(layoutClass, "LENGTH_" + constant))
            .isEqualTo(component.length());
        assertThat(layout.select(PathElement.groupElement(name)).byteSize())
            .isEqualTo(component.length() * layout.select(PathElement.groupElement(name),
                PathElement.sequenceElement()).byteSize());
      }
    }
  }

  private static void checkRoundTrip(
      Compiled compiled, int index, CLayout expected, Arena arena, Random random) {
    MemorySegment memory = arena.allocate(Math.max(expected.size(), 1), expected.alignment());
    byte[] garbage = new byte[(int) memory.byteSize()];
    random.nextBytes(garbage);
    MemorySegment.copy(garbage, 0, memory, ValueLayout.JAVA_BYTE, 0, garbage.length);
    Object view = invoke(null, compiled.load("p.R" + index + "View"), "of", memory);
    Object value = randomValue(compiled, compiled.load("p.R" + index), random);
    invoke(view, "write", value);
    Object read = invoke(view, "read");
    assertWithMessage("R%s: wrote %s, read %s", index, value, read)
        .that(RecordValues.deepEquals(read, value))
        .isTrue();
  }

  private static Object randomValue(Compiled compiled, Class<?> type, Random random) {
    if (type == boolean.class) {
      return random.nextBoolean();
    } else if (type == byte.class) {
      return (byte) random.nextInt();
    } else if (type == short.class) {
      return (short) random.nextInt();
    } else if (type == char.class) {
      return (char) random.nextInt();
    } else if (type == int.class) {
      return random.nextInt();
    } else if (type == float.class) {
      return Float.intBitsToFloat(random.nextInt());
    } else if (type == long.class) {
      return random.nextLong();
    } else if (type == double.class) {
      return Double.longBitsToDouble(random.nextLong());
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    } else if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        if (types[i].isArray()) {
          // @Length is not visible at run time: the layout says how long the array is.
          String constant = ComponentModel.constantCase(components[i].getName());
          int length = (int) compiled.constant(type.getName() + "View", "LENGTH_" + constant);
          Object array = Array.newInstance(types[i].getComponentType(), length);
          for (int element = 0; element < length; element++) {
            Array.set(array, element, randomValue(compiled, types[i].getComponentType(), random));
          }
          values[i] = array;
        } else {
          values[i] = randomValue(compiled, types[i], random);
        }
      }
      try {
        return type.getDeclaredConstructor(types).newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("unexpected component type " + type);
  }

  private static List<JavaFileObject> sources(List<RecordSpec> records) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(JavaFileObjects.forSourceString("p.Small", "package p;\npublic enum Small { A, B, C }"));
    StringBuilder large = new StringBuilder("package p;\npublic enum Large {");
    for (int i = 0; i < LARGE_ENUM_CONSTANTS; i++) {
      large.append(i == 0 ? " L" : ", L").append(i);
    }
    sources.add(JavaFileObjects.forSourceString("p.Large", large.append(" }").toString()));
    for (int i = 0; i < records.size(); i++) {
      RecordSpec record = records.get(i);
      StringBuilder source =
          new StringBuilder("package p;\n\nimport io.tasklet.annotations.*;\n\n")
              .append(record.shared() ? "@SharedState" : "@WorkerScratch")
              .append("\npublic record R")
              .append(i)
              .append("(");
      for (int j = 0; j < record.components().size(); j++) {
        ComponentSpec component = record.components().get(j);
        source.append(j == 0 ? "\n    " : ",\n    ");
        if (component.length() > 0) {
          source.append("@Length(").append(component.length()).append(") ");
        }
        source
            .append(typeName(component, i))
            .append(component.length() > 0 ? "[] " : " ")
            .append(componentName(component, j));
      }
      source.append(") {}\n");
      sources.add(JavaFileObjects.forSourceString("p.R" + i, source.toString()));
    }
    return sources;
  }

  private static String componentName(ComponentSpec component, int position) {
    return (component.camelCase() ? "someValue" : "v") + position;
  }

  /** The kind of a component of record {@code record}, with record references resolved. */
  private static int kind(ComponentSpec component, int record) {
    if (component.kind() < FIRST_RECORD) {
      return component.kind();
    }
    if (record == 0) {
      return component.kind() % PRIMITIVES.length;
    }
    return FIRST_RECORD + (component.kind() - FIRST_RECORD) % record;
  }

  private static String typeName(ComponentSpec component, int record) {
    int kind = kind(component, record);
    if (kind < SMALL_ENUM) {
      return PRIMITIVES[kind];
    }
    if (kind == SMALL_ENUM) {
      return "Small";
    }
    if (kind == LARGE_ENUM) {
      return "Large";
    }
    return "R" + (kind - FIRST_RECORD);
  }

  /** C natural alignment, computed from scratch: the oracle for the generated constants. */
  private static CLayout cLayout(List<RecordSpec> records, List<CLayout> earlier, int index) {
    long offset = 0;
    long alignment = 1;
    List<Long> offsets = new ArrayList<>();
    for (ComponentSpec component : records.get(index).components()) {
      int kind = kind(component, index);
      long size;
      long align;
      if (kind < SMALL_ENUM) {
        size = PRIMITIVE_SIZES[kind];
        align = size;
      } else if (kind == SMALL_ENUM) {
        size = 1; // 3 ordinals fit an unsigned char
        align = 1;
      } else if (kind == LARGE_ENUM) {
        size = 2; // 300 ordinals need an unsigned short
        align = 2;
      } else {
        CLayout nested = earlier.get(kind - FIRST_RECORD);
        size = nested.size();
        align = nested.alignment();
      }
      while (offset % align != 0) {
        offset++;
      }
      offsets.add(offset);
      offset += size * Math.max(1, component.length());
      alignment = Math.max(alignment, align);
      if (records.get(index).shared() && kind >= 1 && kind <= 3) {
        // byte, short, char of a @SharedState record: updated atomically through their 4-byte
        // word, so the record is aligned as if declared _Alignas(4)
        alignment = Math.max(alignment, 4);
      }
    }
    while (offset % alignment != 0) {
      offset++;
    }
    return new CLayout(offset, alignment, offsets);
  }
}
