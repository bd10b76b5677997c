package com.example.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.geometry.Vec3;
import com.example.geometry.Vec3View;
import io.tasklet.runtime.TaskletException;
import io.tasklet.runtime.TaskletRuntime;
import org.junit.jupiter.api.Test;

class DriftTest {
  @Test
  void theNestedRecordIsLaidOutInlineWithCAlignment() {
    assertEquals(24, Vec3View.SIZE);
    assertEquals(0, BodyView.OFFSET_KIND);
    assertEquals(8, BodyView.OFFSET_POSITION);
    assertEquals(32, BodyView.OFFSET_VELOCITY);
    assertEquals(56, BodyView.OFFSET_STEPS);
    assertEquals(64, BodyView.SIZE);
    assertEquals(BodyView.SIZE, BodyView.LAYOUT.byteSize());
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
