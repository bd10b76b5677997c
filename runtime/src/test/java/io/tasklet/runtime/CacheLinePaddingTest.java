package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the JVM lays out the fields of the classes that threads of a launch write at every phase:
 * each group of fields that one thread writes (the fields one class of the hierarchy declares)
 * has a pair of cache lines to itself, away from the object's neighbours in the heap and from
 * the other groups. A field the JVM packs into a gap outside the padding puts a line another
 * thread writes on a lane's path, which costs a cache miss at every phase and no test of
 * behaviour would notice.
 */
class CacheLinePaddingTest {
  /** Two cache lines: the unit in which the hardware's adjacent-line prefetcher fetches. */
  private static final long APART = 128;

  private static final Pattern PADDING = Pattern.compile("p[0-9][0-9a-f]|gap");

  @ParameterizedTest
  @ValueSource(strings = {
      "io.tasklet.runtime.Launch$Slot",
      "io.tasklet.runtime.Launch$Phases",
      "io.tasklet.runtime.FuelPool$Account",
      "io.tasklet.runtime.Handoff"})
  void everyGroupOfWrittenFieldsHasItsCacheLinesToItself(String name) throws Exception {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = Class.forName(name); c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          fields.add(field);
        }
      }
    }
    fields.sort(Comparator.comparingLong(CacheLinePaddingTest::offset));
    // Walks the fields in memory order, counting the padding since the last written field.
    long padding = 0;
    Field last = null;
    for (Field field : fields) {
      if (isPadding(field)) {
        padding += field.getType() == long.class ? Long.BYTES : 0;
      } else {
        if (last == null || last.getDeclaringClass() != field.getDeclaringClass()) {
          assertTrue(padding >= APART, name + ": " + padding + " bytes of padding before "
              + field.getName() + (last == null ? "" : ", after " + last.getName()));
        }
        padding = 0;
        last = field;
      }
    }
    assertNotNull(last, name + " has fields besides its padding");
    assertTrue(padding >= APART, name + ": " + padding + " bytes of padding after " + last);
  }

  private static boolean isPadding(Field field) {
    return PADDING.matcher(field.getName()).matches();
  }

  /** The field's offset in its object, from the JVM (the test's JVM exports it the class). */
  private static long offset(Field field) {
    try {
      Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
      Object instance = unsafe.getMethod("getUnsafe").invoke(null);
      Method objectFieldOffset = unsafe.getMethod("objectFieldOffset", Field.class);
      return (long) objectFieldOffset.invoke(instance, field);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
