package com.example.physics;

import com.example.geometry.Vec3;
import com.example.geometry.Vec3View;
import io.tasklet.annotations.Coordinator;
import io.tasklet.runtime.CoordinatorContext;

/** Moves a body: every lane adds its share of 1,000 steps of velocity to the shared step count. */
public final class Drift {
  private Drift() {}

  @Coordinator(workers = 2, maxFuel = 10_000)
  static void drift(CoordinatorContext<Body, Steps> ctx) {
    BodyView body = BodyView.of(ctx.shared());
    body.kind((byte) 7);
    body.velocity().write(new Vec3(1, 2, 3));
    ctx.parallelForWorkers(lane -> {
      long mine = lane.share(1_000).size();
      lane.fuelCheckpoint(mine);
      BodyView.COMPONENT_STEPS.getAndAdd(lane.shared(), mine);
      StepsView.of(lane.scratch()).taken(mine);
    });
    Vec3View position = body.position();
    Vec3 velocity = body.velocity().read();
    long steps = body.steps();
    position.x(velocity.x() * steps);
    position.y(velocity.y() * steps);
    position.z(velocity.z() * steps);
  }
}
