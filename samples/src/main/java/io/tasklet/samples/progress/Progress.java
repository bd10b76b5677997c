package io.tasklet.samples.progress;

/**
 * Where a sample's coordinator says how far it has got, for the command line to show while a long
 * launch runs.
 *
 * <p>A coordinator that splits its work into phases calls {@link #done} after each one with the
 * work its lanes have finished; the figures are the coordinator's own, read between phases when
 * every lane's writes are visible. Without a deadline the coordinator runs on the thread that
 * launched it, so {@link #reportingTo} binds the listener to that thread for the one launch (a
 * {@link ScopedValue}): nothing is shared between launches, and with no listener {@code done} does
 * nothing. (A launch with a deadline runs its coordinator on a lane thread, which does not see the
 * binding, and reports nothing; the samples set no deadline. The runtime has no public figure of a
 * launch's progress, such as the fuel drawn so far, that another thread could read instead.)
 */
public final class Progress {
  /** What hears of a launch's progress. */
  @FunctionalInterface
  public interface Listener {
    /**
     * {@code done} of {@code total} {@code units} are finished.
     *
     * @param units what is counted, in the plural: {@code "rows"}
     * @param done how many are finished, from 0 to {@code total}
     * @param total how many there are
     */
    void update(String units, long done, long total);
  }

  private static final ScopedValue<Listener> LISTENER = ScopedValue.newInstance();

  private Progress() {}

  /** Runs {@code launch} with {@code listener} hearing the progress its coordinator reports. */
  public static <T, X extends Throwable> T reportingTo(
      Listener listener, ScopedValue.CallableOp<T, X> launch) throws X {
    return ScopedValue.where(LISTENER, listener).call(launch);
  }

  /** Tells this launch's listener, if it has one, that {@code done} of {@code total} are done. */
  public static void done(String units, long done, long total) {
    if (LISTENER.isBound()) {
      LISTENER.get().update(units, done, total);
    }
  }
}
