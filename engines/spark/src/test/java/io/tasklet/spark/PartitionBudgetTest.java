package io.tasklet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PartitionBudgetTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void acceptsAnySizeUnlessLimited() {
    assertEquals(Long.MAX_VALUE, PartitionBudget.of(10, MINUTE).maxInputBytes());
    assertEquals(100, PartitionBudget.of(10, MINUTE).withMaxInputBytes(100).maxInputBytes());
  }

  @Test
  void refusesWhatNoLaunchCouldTake() {
    assertEquals("maxFuel must not be negative, was -1", assertThrows(
        IllegalArgumentException.class, () -> PartitionBudget.of(-1, MINUTE)).getMessage());
    assertEquals("deadline must be positive, was PT0S", assertThrows(
        IllegalArgumentException.class, () -> PartitionBudget.of(1, Duration.ZERO)).getMessage());
    assertEquals("maxInputBytes must not be negative, was -1", assertThrows(
        IllegalArgumentException.class,
        () -> PartitionBudget.of(1, MINUTE).withMaxInputBytes(-1)).getMessage());
  }
}
