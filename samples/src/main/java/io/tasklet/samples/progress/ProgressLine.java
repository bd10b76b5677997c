package io.tasklet.samples.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A launch's progress as one line on a terminal, rewritten in place ({@code \r}) as it changes and
 * wiped when the launch ends, so that what the command prints afterwards starts clean.
 */
public final class ProgressLine implements Progress.Listener, AutoCloseable {
  private final PrintStream terminal;
  private final String title;
  private int width;

  /** A line on {@code terminal} headed {@code title}. */
  public ProgressLine(PrintStream terminal, String title) {
    this.terminal = terminal;
    this.title = title;
  }

  @Override
  public void update(String units, long done, long total) {
    String line = String.format(Locale.ROOT, "%s: %,d of %,d %s (%d%%)", title, done, total, units,
        total == 0 ? 100 : done * 100 / total);
    terminal.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    terminal.flush();
    width = Math.max(width, line.length());
  }

  /** Wipes the line, if anything was shown. */
  @Override
  public void close() {
    if (width > 0) {
      terminal.print("\r" + " ".repeat(width) + "\r");
      terminal.flush();
      width = 0;
    }
  }
}
