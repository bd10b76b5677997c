package io.tasklet.runtime;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the declaration of a struct's members, in the notation of {@link Views#struct}, into a
 * {@link StructLayout}. Each member is laid where the previous one ended: the declaration carries
 * its padding, and a member it leaves misaligned, one whose name an earlier member has, or one
 * that takes the struct past {@code Long.MAX_VALUE} bytes is rejected, named, before {@link
 * MemoryLayout} would reject it in its own notation or accept two members of one name.
 */
final class StructDeclaration {
  private final String name;
  private final String members;
  private final MemoryLayout[] nested;
  private int nextNested;

  private StructDeclaration(String name, String members, MemoryLayout[] nested) {
    this.name = Objects.requireNonNull(name, "name");
    this.members = Objects.requireNonNull(members, "members");
    this.nested = Objects.requireNonNull(nested, "nested").clone();
  }

  static StructLayout read(String name, String members, MemoryLayout... nested) {
    return new StructDeclaration(name, members, nested).read();
  }

  private StructLayout read() {
    List<MemoryLayout> layouts = new ArrayList<>();
    Set<String> names = new HashSet<>();
    long offset = 0;
    if (!members.isBlank()) {
      for (String declared : members.split(";", -1)) {
        String member = declared.strip();
        MemoryLayout layout = member(member);
        if (offset % layout.byteAlignment() != 0) {
          throw error(member, "it would start at byte " + offset + ", not a multiple of its"
              + " alignment, " + layout.byteAlignment() + "; declare the padding before it");
        }
        if (layout.name().isPresent() && !names.add(layout.name().get())) {
          throw error(member, "an earlier member is named " + layout.name().get() + " too");
        }
        if (layout.byteSize() > Long.MAX_VALUE - offset) {
          throw error(member, "it would end past byte " + Long.MAX_VALUE);
        }
        layouts.add(layout);
        offset += layout.byteSize();
      }
    }
    if (nextNested < nested.length) {
      throw error(nextNested + " nested structs declared but " + nested.length + " layouts given");
    }
    return MemoryLayout.structLayout(layouts.toArray(MemoryLayout[]::new)).withName(name);
  }

  /** {@code pad 4}, {@code long seen}, {@code double weights[16]} or {@code struct Point p}. */
  private MemoryLayout member(String member) {
    String[] words = member.split("\\s+");
    if (words.length == 2 && words[0].equals("pad")) {
      return MemoryLayout.paddingLayout(number(words[1], member));
    }
    MemoryLayout element;
    String declarator;
    if (words.length == 3 && words[0].equals("struct")) {
      element = nested(words[1], member);
      declarator = words[2];
    } else if (words.length == 2) {
      element = primitive(words[0], member);
      declarator = words[1];
    } else {
      throw error(member, "expected \"type name\", \"type name[length]\", \"struct Type name\""
          + " or \"pad bytes\"");
    }
    int bracket = declarator.indexOf('[');
    if (bracket < 0) {
      return element.withName(identifier(declarator, member));
    }
    if (!declarator.endsWith("]")) {
      throw error(member, "an array's length ends with ']'");
    }
    long length = number(declarator.substring(bracket + 1, declarator.length() - 1), member);
    if (element.byteSize() > 0 && length > Long.MAX_VALUE / element.byteSize()) {
      throw error(member, "its " + length + " elements of " + element.byteSize() + " bytes would"
          + " pass " + Long.MAX_VALUE + " bytes");
    }
    return MemoryLayout.sequenceLayout(length, element)
        .withName(identifier(declarator.substring(0, bracket), member));
  }

  private MemoryLayout nested(String type, String member) {
    if (nextNested == nested.length) {
      throw error(member, "no nested layout is left for struct " + type);
    }
    MemoryLayout layout = Objects.requireNonNull(nested[nextNested++], "nested layout");
    if (!layout.name().orElse("").equals(type)) {
      throw error(member, "the nested layout given for it is "
          + layout.name().map(n -> "struct " + n).orElse("unnamed"));
    }
    return layout;
  }

  private ValueLayout primitive(String type, String member) {
    return switch (type) {
      case "boolean" -> ValueLayout.JAVA_BOOLEAN;
      case "byte" -> ValueLayout.JAVA_BYTE;
      case "short" -> ValueLayout.JAVA_SHORT;
      case "char" -> ValueLayout.JAVA_CHAR;
      case "int" -> ValueLayout.JAVA_INT;
      case "float" -> ValueLayout.JAVA_FLOAT;
      case "long" -> ValueLayout.JAVA_LONG;
      case "double" -> ValueLayout.JAVA_DOUBLE;
      default -> throw error(member, "\"" + type + "\" is not a primitive type; a nested struct"
          + " is declared \"struct " + type + " name\"");
    };
  }

  private String identifier(String word, String member) {
    if (word.isEmpty()) {
      throw error(member, "the member has no name");
    }
    return word;
  }

  private long number(String word, String member) {
    try {
      long value = Long.parseLong(word);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw error(member, "\"" + word + "\" is not a positive number of bytes or elements");
  }

  private IllegalArgumentException error(String member, String problem) {
    return error("cannot read \"" + member + "\": " + problem);
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("struct " + name + ": " + problem);
  }
}
