package io.tasklet.runtime;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** One launch, from the call that asked for cores to its return; see {@link TaskletEvents}. */
@Name("io.tasklet.Launch")
@Label("Tasklet Launch")
@Category("Tasklet")
@Description("A launch of a tasklet, from the call that asked for cores to its return or its"
    + " failure, with its lanes, memory plan and fuel")
final class LaunchEvent extends Event {
  /** The launch ran to its end and returned a result. */
  static final String COMPLETED = "completed";

  /** The launch ran and failed; the exception type says how. */
  static final String FAILED = "failed";

  /** The launch gave up on code that ignored the stop, which was quarantined. */
  static final String QUARANTINED = "quarantined";

  /** The launch never ran: waiting for cores timed out or was interrupted, or it was rejected. */
  static final String NOT_STARTED = "not started";

  @Label("Tasklet")
  @Description("The tasklet's name: its record and coordinator, as failures name it")
  String tasklet;

  @Label("Lanes")
  @Description("Worker lanes of the launch; 0 for a single-threaded tasklet on the calling thread")
  int lanes;

  @Label("Plan Size")
  @Description("Bytes of linear memory the launch's plan lays out")
  @DataAmount
  long planSize;

  @Label("Fuel Pool")
  @Description("Whether a fuel pool was configured; without one every checkpoint fails")
  boolean fuelPool;

  @Label("Fuel Granted")
  @Description("Size of the fuel pool; 0 without one")
  long fuelGranted;

  @Label("Fuel Consumed")
  @Description("Fuel drawn by every lane and the coordinator")
  long fuelConsumed;

  @Label("Fuel Remaining")
  @Description("Fuel not consumed; with fuel consumed it adds up to fuel granted")
  long fuelRemaining;

  @Label("Outcome")
  @Description("completed, failed, quarantined (code ignored the stop past the deadline's grace)"
      + " or not started (no cores within the deadline, or interrupted while waiting)")
  String outcome;

  @Label("Exception Type")
  @Description("Class of what launch() threw, a TaskletException; empty when it completed")
  String exceptionType;

  @Label("Core Wait")
  @Description("Time before the launch had its cores and lane threads: waiting for cores that other"
      + " launches held, and starting threads the runtime did not have yet")
  @Timespan(Timespan.NANOSECONDS)
  long coreWait;

  /** When the launch began, for {@link #coreWait}. */
  transient long beganNanos;
}
