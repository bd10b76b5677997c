package io.tasklet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as the state every lane of a tasklet shares.
 *
 * <p>The processor lays the record out inline in linear memory with C natural alignment and
 * generates {@code RLayout} (sizes and offsets) and {@code RView} (typed access over a
 * {@link java.lang.foreign.MemorySegment}, including the volatile, acquire/release,
 * compare-and-set and get-and-add operations lanes need to cooperate).
 *
 * <p>Components may be primitives, enums, records that are themselves {@code @SharedState} or
 * {@link WorkerScratch} (from this compilation or from a jar), and fixed-length arrays of these
 * marked with {@link Length}. The annotation is kept in class files so that records in other
 * modules can nest this one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SharedState {}
