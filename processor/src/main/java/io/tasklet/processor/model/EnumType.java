package io.tasklet.processor.model;

import java.util.List;

/**
 * An enum, stored as its ordinal in the narrowest unsigned integer that holds every ordinal: one
 * byte for up to 256 constants, two for up to 65,536, four beyond.
 *
 * @param packageName package of the enum, empty for the unnamed package
 * @param simpleNames simple names from the outermost enclosing class to the enum itself
 * @param constantCount number of enum constants
 */
public record EnumType(String packageName, List<String> simpleNames, int constantCount)
    implements ValueType {

  public EnumType {
    simpleNames = List.copyOf(simpleNames);
    if (constantCount < 0) {
      throw new IllegalArgumentException("negative constant count " + constantCount);
    }
  }

  /** The unsigned integer the ordinal is stored in: {@code BYTE}, {@code SHORT} or {@code INT}. */
  public Primitive storage() {
    if (constantCount <= 1 << 8) {
      return Primitive.BYTE;
    }
    if (constantCount <= 1 << 16) {
      return Primitive.SHORT;
    }
    return Primitive.INT;
  }

  @Override
  public long size() {
    return storage().size();
  }

  @Override
  public long alignment() {
    return storage().alignment();
  }

  @Override
  public String javaName() {
    return String.join(".", simpleNames);
  }
}
