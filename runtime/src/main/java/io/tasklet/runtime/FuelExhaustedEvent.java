package io.tasklet.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A checkpoint that the fuel left could not cover; see {@link TaskletEvents}. */
@Name("io.tasklet.FuelExhausted")
@Label("Tasklet Fuel Exhausted")
@Category("Tasklet")
@Description("A fuel checkpoint asked for more than the pool had left, or no pool was configured;"
    + " the launch fails with FuelExhaustedException. The stack trace is the checkpoint's.")
final class FuelExhaustedEvent extends Event {
  @Label("Tasklet")
  @Description("The tasklet's name: its record and coordinator")
  String tasklet;

  @Label("Lane")
  @Description("The lane whose checkpoint failed; -1 for the coordinator")
  int lane;

  @Label("Requested")
  @Description("Fuel the checkpoint asked for")
  long requested;

  @Label("Remaining")
  @Description("Fuel the pool had left, every lane's lease taken back")
  long remaining;

  @Label("Fuel Pool")
  @Description("Whether a fuel pool was configured; without one every checkpoint fails")
  boolean fuelPool;
}
