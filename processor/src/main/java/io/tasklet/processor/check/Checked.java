package io.tasklet.processor.check;

/**
 * What checking one declaration gave: a model to generate from, the errors that stop it, or a
 * wait for types that do not exist yet (another processor may generate them in a later round).
 *
 * @param <T> the model a valid declaration becomes
 */
public sealed interface Checked<T> {

  /** The declaration is valid; {@code model} is what to generate from. */
  record Valid<T>(T model) implements Checked<T> {}

  /** The declaration is wrong; {@code report} says where and why. */
  record Invalid<T>(Report report) implements Checked<T> {}

  /** A type the declaration uses does not exist yet; nothing is reported, check it next round. */
  record Waiting<T>() implements Checked<T> {}
}
