package com.example.physics;

import com.example.geometry.Vec3;
import io.tasklet.annotations.SharedState;

/** A body moving in a straight line; its vectors come from the geometry jar. */
@SharedState
public record Body(byte kind, Vec3 position, Vec3 velocity, long steps) {}
