package io.tasklet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static void m(TaskletContext<S> ctx)} method as a single-threaded tasklet, where
 * {@code S} is a {@link SharedState} record.
 *
 * <p>A tasklet runs on the thread that launches it, with shared state, input, output and fuel,
 * but no lanes and no scratch: running on lanes is always the explicit choice of
 * {@link Coordinator}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Tasklet {
  /** Largest input, in bytes; 0 means the tasklet takes no input. */
  long maxInputBytes() default 0;

  /** Size of the output region, in bytes; 0 means the tasklet has no output. */
  long maxOutputBytes() default 0;

  /** Largest linear memory one run may use, in bytes. */
  long maxLinearMemory() default Coordinator.DEFAULT_MAX_LINEAR_MEMORY;

  /** Default fuel pool; {@link Coordinator#NO_FUEL} for none. */
  long maxFuel() default Coordinator.NO_FUEL;

  /** Simple name of the generated class; empty means {@code <EnclosingClass><Method>Tasklet}. */
  String name() default "";
}
