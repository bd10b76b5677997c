package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Views#struct}: the notation the generated views declare their {@code LAYOUT} in. */
class StructDeclarationTest {
  private static final StructLayout POINT = MemoryLayout.structLayout(
      ValueLayout.JAVA_INT.withName("x"), ValueLayout.JAVA_INT.withName("y")).withName("Point");

  @Test
  void readsEveryKindOfMemberAsTheSameLayoutWrittenOutInJava() {
    StructLayout expected = MemoryLayout.structLayout(
        ValueLayout.JAVA_BOOLEAN.withName("done"),
        ValueLayout.JAVA_BYTE.withName("kind"),
        ValueLayout.JAVA_SHORT.withName("flags"),
        ValueLayout.JAVA_CHAR.withName("tag"),
        MemoryLayout.paddingLayout(2),
        ValueLayout.JAVA_INT.withName("id"),
        ValueLayout.JAVA_FLOAT.withName("scale"),
        ValueLayout.JAVA_LONG.withName("seen"),
        ValueLayout.JAVA_DOUBLE.withName("total"),
        POINT.withName("at"),
        MemoryLayout.sequenceLayout(3, ValueLayout.JAVA_INT).withName("marks"),
        MemoryLayout.sequenceLayout(2, POINT).withName("path"),
        MemoryLayout.paddingLayout(4))
        .withName("Tally");
    assertEquals(expected, Views.struct("Tally",
        "boolean done; byte kind; short flags; char tag; pad 2; int id; float scale; long seen;"
            + " double total; struct Point at; int marks[3]; struct Point path[2];"
            + " pad 4",
        POINT, POINT));
  }

  @Test
  void anEmptyDeclarationIsAnEmptyStruct() {
    assertEquals(MemoryLayout.structLayout().withName("Nothing"), Views.struct("Nothing", ""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      int a; long b       | struct T: cannot read "long b": it would start at byte 4, not a \
      multiple of its alignment, 8; declare the padding before it
      int                 | struct T: cannot read "int": expected "type name", "type \
      name[length]", "struct Type name" or "pad bytes"
      long a;; long b     | struct T: cannot read "": expected
      integer a           | struct T: cannot read "integer a": "integer" is not a primitive \
      type; a nested struct is declared "struct integer name"
      int a[0]            | struct T: cannot read "int a[0]": "0" is not a positive number
      int a[x]            | struct T: cannot read "int a[x]": "x" is not a positive number
      int a[4             | struct T: cannot read "int a[4": an array's length ends with ']'
      int [4]             | struct T: cannot read "int [4]": the member has no name
      pad -8              | struct T: cannot read "pad -8": "-8" is not a positive number
      struct Point p      | struct T: cannot read "struct Point p": no nested layout is left \
      for struct Point
      int a; int b; int a | struct T: cannot read "int a": an earlier member is named a too
      long a[1152921504606846976] | struct T: cannot read "long a[1152921504606846976]": its \
      1152921504606846976 elements of 8 bytes would pass 9223372036854775807 bytes
      pad 9223372036854775800; long a | struct T: cannot read "long a": it would end past byte \
      9223372036854775807
      """)
  void rejectsADeclarationItCannotReadNamingTheStructAndTheMember(String members,
      String message) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Views.struct("T", members));
    assertEquals(message, error.getMessage().substring(0,
        Math.min(message.length(), error.getMessage().length())));
  }

  @Test
  void eachNestedLayoutMustBeTheStructItIsDeclaredAsAndAllOfThemUsed() {
    StructLayout other = MemoryLayout.structLayout(ValueLayout.JAVA_LONG.withName("z"))
        .withName("Other");
    assertEquals("struct T: cannot read \"struct Point p\": the nested layout given for it is"
            + " struct Other",
        assertThrows(IllegalArgumentException.class,
            () -> Views.struct("T", "struct Point p", other)).getMessage());
    assertEquals("struct T: 1 nested structs declared but 2 layouts given",
        assertThrows(IllegalArgumentException.class,
            () -> Views.struct("T", "struct Point p", POINT, POINT)).getMessage());
    assertEquals("nested layout", assertThrows(NullPointerException.class,
        () -> Views.struct("T", "struct Point p", (MemoryLayout) null)).getMessage());
  }

  @Test
  void anArrayOfEmptyStructsIsEmpty() {
    StructLayout empty = MemoryLayout.structLayout().withName("Empty");
    assertEquals(0, Views.struct("T", "struct Empty none[1000000]", empty).byteSize());
  }
}
