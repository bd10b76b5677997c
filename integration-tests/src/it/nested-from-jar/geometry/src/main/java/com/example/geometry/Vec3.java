package com.example.geometry;

import io.tasklet.annotations.SharedState;

/** A point or direction in space, shared by other modules' records. */
@SharedState
public record Vec3(double x, double y, double z) {}
