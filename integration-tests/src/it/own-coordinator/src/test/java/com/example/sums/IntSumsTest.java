package com.example.sums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasklet.runtime.FuelExhaustedException;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletResult;
import io.tasklet.runtime.TaskletRuntime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntSumsTest {
  @Test
  void sumsOnOneAndTwoLanes() throws TaskletException {
    int[] values = new Random(1).ints(100_000, -1_000_000, 1_000_000).toArray();
    ByteBuffer input = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
    input.asIntBuffer().put(values);
    long expected = 0;
    for (int v : values) {
      expected += v;
    }
    try (TaskletRuntime runtime = TaskletRuntime.withCores(2)) {
      for (int lanes = 1; lanes <= 2; lanes++) {
        TaskletResult<Totals> result =
            IntSumsSumTasklet.on(runtime).workers(lanes).input(input).launch();
        assertEquals(new Totals(expected, values.length), result.shared());
        assertEquals(values.length, result.fuelConsumed());
      }
      assertThrows(FuelExhaustedException.class,
          () -> IntSumsSumTasklet.on(runtime).input(input).maxFuel(10).launch());
    }
  }
}
