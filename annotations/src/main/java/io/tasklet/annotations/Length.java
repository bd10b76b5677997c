package io.tasklet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fixed number of elements of an array component, laid out inline.
 *
 * <pre>{@code
 * @SharedState
 * public record Histogram(@Length(256) long[] bins, long bytesSeen) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Length {
  /** Number of elements; at least 1. */
  int value();
}
