package io.tasklet.samples.matmul;

import io.tasklet.annotations.SharedState;

/**
 * The multiply's progress, shared by every lane.
 *
 * @param size rows (and columns) of the matrices
 * @param nextRow the next row of the product that no lane has taken yet
 * @param multiplyAdds multiply-adds done in all
 */
@SharedState
public record RowCursor(int size, long nextRow, long multiplyAdds) {}
