package io.tasklet.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/** One call of {@code parallelForWorkers}; see {@link TaskletEvents}. */
@Name("io.tasklet.Phase")
@Label("Tasklet Phase")
@Category("Tasklet")
@Description("One parallelForWorkers: from handing the lanes their body until the last lane"
    + " arrived, with the lane that took longest")
@Threshold("1 ms")
@StackTrace(false)
final class PhaseEvent extends Event {
  @Label("Tasklet")
  @Description("The tasklet's name: its record and coordinator")
  String tasklet;

  @Label("Lanes")
  @Description("Lanes that ran the phase's body")
  int lanes;

  @Label("Slowest Lane")
  @Description("Index of the lane whose body ran longest; the phase waited for it")
  int slowestLane;

  @Label("Slowest Lane Time")
  @Description("How long the slowest lane's body ran")
  @Timespan(Timespan.NANOSECONDS)
  long slowestLaneTime;

  @Label("Fastest Lane Time")
  @Description("How long the quickest lane's body ran: the gap to the slowest is time lanes idled")
  @Timespan(Timespan.NANOSECONDS)
  long fastestLaneTime;
}
