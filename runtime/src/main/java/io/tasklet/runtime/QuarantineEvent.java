package io.tasklet.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A launch that gave up on code which ignored the stop; see {@link TaskletEvents}. */
@Name("io.tasklet.Quarantine")
@Label("Tasklet Quarantine")
@Category("Tasklet")
@Description("A launch stopped and its code did not stop within the grace: launch() returned with"
    + " DeadlineExceededException and the code's threads are quarantined, holding the launch's"
    + " cores and memory until it ends (see Tasklet Quarantine End)")
@StackTrace(false)
final class QuarantineEvent extends Event {
  @Label("Tasklet")
  @Description("The tasklet's name: its record and coordinator")
  String tasklet;

  @Label("Running")
  @Description("The code still running: the lanes, or the coordinator")
  String running;

  @Label("Threads")
  @Description("Lane threads quarantined: the launch's pool threads, the coordinator's included")
  int threads;

  @Label("Cores")
  @Description("Cores of the runtime the quarantine holds")
  int cores;
}
