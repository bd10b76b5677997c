package com.example.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.geometry.Vec3;
import com.example.geometry.Vec3Layout;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletRuntime;
import org.junit.jupiter.api.Test;

class DriftTest {
  @Test
  void theNestedRecordIsLaidOutInlineWithCAlignment() {
    assertEquals(24, Vec3Layout.SIZE);
    assertEquals(0, BodyLayout.OFFSET_KIND);
    assertEquals(8, BodyLayout.OFFSET_POSITION);
    assertEquals(32, BodyLayout.OFFSET_VELOCITY);
    assertEquals(56, BodyLayout.OFFSET_STEPS);
    assertEquals(64, BodyLayout.SIZE);
    assertEquals(BodyLayout.SIZE, BodyLayout.LAYOUT.byteSize());
  }

  @Test
  void aLaunchMovesTheBody() throws TaskletException {
    try (TaskletRuntime runtime = TaskletRuntime.withCores(2)) {
      Body body = DriftDriftTasklet.on(runtime).launch().shared();
      assertEquals(new Body((byte) 7, new Vec3(1_000, 2_000, 3_000), new Vec3(1, 2, 3), 1_000),
          body);
    }
  }
}
