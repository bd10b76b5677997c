package io.tasklet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static void m(CoordinatorContext<S, W> ctx)} method as the coordinator of a
 * parallel tasklet, where {@code S} is a {@link SharedState} record and {@code W} a
 * {@link WorkerScratch} record.
 *
 * <p>The processor checks at compile time that the linear memory plan
 * {@code [shared][input][output][scratch 0]...[scratch n-1]} fits {@link #maxLinearMemory()} and
 * generates a launcher class with a type-safe builder.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Coordinator {
  /** Default of {@link #maxLinearMemory()}: 4,294,967,295 bytes. */
  long DEFAULT_MAX_LINEAR_MEMORY = 0xFFFF_FFFFL;

  /** Value of {@link #maxFuel()} that means "no fuel pool": every checkpoint fails. */
  long NO_FUEL = -1L;

  /** Number of worker lanes, 1 to 65,535. The builder may lower it, never raise it. */
  int workers();

  /** Largest input, in bytes; 0 means the tasklet takes no input. */
  long maxInputBytes() default 0;

  /** Size of the output region, in bytes; 0 means the tasklet has no output. */
  long maxOutputBytes() default 0;

  /** Largest linear memory one launch may use, in bytes. */
  long maxLinearMemory() default DEFAULT_MAX_LINEAR_MEMORY;

  /** Default fuel pool shared by every lane and the coordinator; {@link #NO_FUEL} for none. */
  long maxFuel() default NO_FUEL;

  /**
   * Simple name of the generated launcher class, in the package of the enclosing class. Empty
   * means {@code <EnclosingClass><Method>Tasklet}, for example {@code ByteHistogramCountTasklet}
   * for {@code ByteHistogram.count}.
   */
  String name() default "";
}
