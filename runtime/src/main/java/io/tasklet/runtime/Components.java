package io.tasklet.runtime;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.SequenceLayout;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/** Where the component descriptors ({@link LongComponent} and its kin) find their member. */
final class Components {
  private Components() {}

  /**
   * A member of a record's layout, as its descriptor needs it.
   *
   * @param handle the var handle at base offset 0, with an index coordinate for an array
   * @param record the record's name, that of its layout
   * @param length the array's length; 1 for a single value
   * @param offset the member's offset
   * @param stride the size of one element
   */
  record Member(VarHandle handle, String record, int length, long offset, long stride) {}

  static Member member(MemoryLayout layout, String name) {
    if (!(layout instanceof GroupLayout group) || group.memberLayouts().stream()
        .noneMatch(member -> member.name().equals(Optional.of(name)))) {
      throw new IllegalArgumentException(layout + " has no member named " + name);
    }
    PathElement element = PathElement.groupElement(name);
    MemoryLayout member = layout.select(element);
    String record = layout.name().orElse("record");
    long offset = layout.byteOffset(element);
    if (member instanceof SequenceLayout sequence) {
      return new Member(layout.varHandle(element, PathElement.sequenceElement()), record,
          Math.toIntExact(sequence.elementCount()), offset, sequence.elementLayout().byteSize());
    }
    return new Member(layout.varHandle(element), record, 1, offset, member.byteSize());
  }
}
