package io.tasklet.samples;

/** The command line was wrong; the message says how. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
