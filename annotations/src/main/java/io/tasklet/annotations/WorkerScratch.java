package io.tasklet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as the private scratch memory of one worker lane.
 *
 * <p>Every lane gets its own copy, which no other lane can reach. The processor generates
 * {@code RLayout} and {@code RView} for it exactly as for {@link SharedState}, without the
 * atomic operations, since only one lane ever touches a scratch region.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WorkerScratch {}
