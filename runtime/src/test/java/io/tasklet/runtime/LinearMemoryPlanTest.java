package io.tasklet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The one function that lays out linear memory, for the processor and the runtime alike. */
class LinearMemoryPlanTest {
  @Test
  void showsItsArithmeticWhenOverBudget() {
    LinearMemoryPlan plan = LinearMemoryPlan.of(2_072, 1 << 20, 0, 8, 2_048);
    assertEquals(1_067_072, plan.totalBytes());
    assertEquals(40, plan.alignmentBytes());
    assertFalse(plan.fits(1 << 20));
    assertEquals("linear memory budget exceeded: shared 2,072 B + input 1,048,576 B + 8 lanes x"
        + " 2,048 B scratch + 40 B alignment = 1,067,072 B > maxLinearMemory 1,048,576 B",
        plan.budgetExceededMessage(1 << 20));
  }

  @Test
  void emptyRegionsTakeNoSpace() {
    LinearMemoryPlan plan = LinearMemoryPlan.of(8, 0, 0, 0, 0);
    assertEquals(8, plan.totalBytes());
    assertEquals(0, plan.alignmentBytes());
    assertTrue(plan.fits(8));
  }

  @Test
  void hugePlansSaturateInsteadOfOverflowing() {
    LinearMemoryPlan plan = LinearMemoryPlan.of(Long.MAX_VALUE - 10, 1 << 20, 0, 65_535, 1L << 50);
    assertEquals(Long.MAX_VALUE, plan.totalBytes());
    assertFalse(plan.fits(LinearMemoryPlan.DEFAULT_MAX_LINEAR_MEMORY));
    assertThrows(IllegalArgumentException.class, () -> LinearMemoryPlan.of(-1, 0, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> LinearMemoryPlan.of(0, 0, 0, 65_536, 0));
  }

  @Property
  void regionsAreAlignedDisjointAndInOrder(
      @ForAll @LongRange(max = 1 << 20) long shared,
      @ForAll @LongRange(max = 1 << 20) long input,
      @ForAll @LongRange(max = 1 << 20) long output,
      @ForAll @IntRange(min = 1, max = 64) int workers,
      @ForAll @LongRange(max = 1 << 16) long scratch) {
    LinearMemoryPlan plan = LinearMemoryPlan.of(shared, input, output, workers, scratch);
    long end = shared;
    long[][] regions = {{plan.inputOffset(), input}, {plan.outputOffset(), output}};
    for (long[] region : regions) {
      assertEquals(0, region[0] % 64);
      assertTrue(region[0] >= end);
      end = region[1] == 0 ? end : region[0] + region[1];
    }
    for (int lane = 0; lane < workers; lane++) {
      long offset = plan.scratchOffset(lane);
      assertEquals(0, offset % 64);
      assertTrue(offset >= end);
      end = scratch == 0 ? end : offset + scratch;
    }
    assertEquals(end, plan.totalBytes());
    assertEquals(shared + input + output + workers * scratch + plan.alignmentBytes(),
        plan.totalBytes());
  }
}
