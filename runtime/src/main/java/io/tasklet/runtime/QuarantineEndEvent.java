package io.tasklet.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The end of a quarantine; see {@link TaskletEvents}. */
@Name("io.tasklet.QuarantineEnd")
@Label("Tasklet Quarantine End")
@Category("Tasklet")
@Description("The code of a quarantined launch ended: its threads, cores and memory go back to"
    + " the runtime. Recorded on the thread that ran the coordinator.")
@StackTrace(false)
final class QuarantineEndEvent extends Event {
  @Label("Tasklet")
  @Description("The tasklet's name: its record and coordinator")
  String tasklet;

  @Label("Threads")
  @Description("Lane threads given back")
  int threads;

  @Label("Cores")
  @Description("Cores given back")
  int cores;
}
