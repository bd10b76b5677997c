package io.tasklet.runtime;

import java.util.Objects;

/**
 * What a generated launcher's {@code DECLARATION} says about its method, the same for every
 * launch: the name, the size of the shared state, the input and output it allows, the budget of
 * linear memory and the fuel pool. {@link CoordinatorDeclaration} adds the lanes and their
 * scratch; {@link TaskletDeclaration} is a method that runs on the calling thread. Each also
 * gives the memory plan of a launch with the largest input, without launching.
 *
 * @param <S> the shared state record
 */
public abstract sealed class Declaration<S> permits CoordinatorDeclaration, TaskletDeclaration {
  final Declared<S> declared;

  Declaration(Declared<S> declared) {
    this.declared = Objects.requireNonNull(declared, "declared");
  }

  /** {@return the tasklet's name, as errors and results show it: {@code ByteHistogram.count}} */
  public final String name() {
    return declared.name();
  }

  /** {@return the size of the shared state in bytes, its view's {@code SIZE}} */
  public final long sharedBytes() {
    return declared.sharedBytes();
  }

  /** {@return the largest input in bytes, {@code maxInputBytes}; 0 when it takes none} */
  public final long maxInputBytes() {
    return declared.maxInputBytes();
  }

  /** {@return the size of the output region in bytes, {@code maxOutputBytes}; 0 for none} */
  public final long maxOutputBytes() {
    return declared.maxOutputBytes();
  }

  /** {@return the budget of a launch's whole block of linear memory, {@code maxLinearMemory}} */
  public final long maxLinearMemory() {
    return declared.maxLinearMemory();
  }

  /** {@return the declared fuel pool, {@code maxFuel}; negative when there is none} */
  public final long maxFuel() {
    return declared.maxFuel();
  }

  /** {@return the name} */
  @Override
  public String toString() {
    return declared.name();
  }
}
