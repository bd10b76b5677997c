package io.tasklet.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of linear memory of one runtime, kept for reuse across launches.
 *
 * <p>Lanes run on several threads, so a block must come from a shared {@link Arena}, and closing a
 * shared arena costs a handshake with every thread of the process. A launch therefore takes a
 * cached block when one is large enough, zeroes what earlier launches wrote (all but the input
 * region, which the launch overwrites with its input anyway), and gives it back afterwards. Blocks over {@link #MAX_CACHED_BYTES}, and blocks beyond {@code maxBlocks}, are
 * released as soon as their launch ends; {@link #close} releases the rest.
 */
final class MemoryBlocks {
  /** Largest block kept for reuse. */
  static final long MAX_CACHED_BYTES = 256L << 20;

  private static final long MIN_BLOCK_BYTES = 4096;

  private final int maxBlocks;
  private final List<Block> free = new ArrayList<>(); // guarded by this
  private long reservedBytes; // guarded by this
  private boolean closed; // guarded by this

  MemoryBlocks(int maxBlocks) {
    this.maxBlocks = maxBlocks;
  }

  /**
   * A block for {@code plan}, aligned to a cache line, zeroed but for the input region (whose
   * contents are whatever an earlier launch left, for the launch to overwrite).
   */
  Block take(LinearMemoryPlan plan) {
    long bytes = plan.totalBytes();
    synchronized (this) {
      Block best = null;
      for (Block block : free) {
        if (block.capacity() >= bytes && (best == null || block.capacity() < best.capacity())) {
          best = block;
        }
      }
      if (best != null) {
        free.remove(best);
        best.zeroAllBut(Math.min(best.dirtyBytes, bytes), plan.inputOffset(), plan.inputBytes());
        best.dirtyBytes = Math.max(best.dirtyBytes, bytes);
        return best;
      }
    }
    long capacity = Math.max(bytes, MIN_BLOCK_BYTES);
    Arena arena = Arena.ofShared();
    try {
      MemorySegment segment = arena.allocate(capacity, LinearMemoryPlan.REGION_ALIGNMENT);
      synchronized (this) {
        reservedBytes += capacity;
      }
      Block block = new Block(arena, segment);
      block.dirtyBytes = bytes;
      return block;
    } catch (RuntimeException | OutOfMemoryError e) {
      arena.close();
      throw e;
    }
  }

  /** Gives back a block taken by {@link #take}; no lane may use it any more. */
  void give(Block block) {
    synchronized (this) {
      if (!closed && block.capacity() <= MAX_CACHED_BYTES && free.size() < maxBlocks) {
        free.add(block);
        return;
      }
      reservedBytes -= block.capacity();
    }
    block.arena.close();
  }

  /** Bytes of native memory the blocks hold, cached or in use. */
  synchronized long reservedBytes() {
    return reservedBytes;
  }

  /** Releases the cached blocks; blocks in use are released when given back. */
  void close() {
    List<Block> released;
    synchronized (this) {
      closed = true;
      released = new ArrayList<>(free);
      free.clear();
      for (Block block : released) {
        reservedBytes -= block.capacity();
      }
    }
    for (Block block : released) {
      block.arena.close();
    }
  }

  /** One block and the arena that owns it. */
  static final class Block {
    final Arena arena;
    final MemorySegment segment;
    /** How far from its start launches may have written into the block. */
    long dirtyBytes;

    Block(Arena arena, MemorySegment segment) {
      this.arena = arena;
      this.segment = segment;
    }

    long capacity() {
      return segment.byteSize();
    }

    /** Zeroes the first {@code bytes}, except {@code [skipOffset, skipOffset + skipBytes)}. */
    void zeroAllBut(long bytes, long skipOffset, long skipBytes) {
      long skipStart = Math.min(skipOffset, bytes);
      long skipEnd = Math.min(skipOffset + skipBytes, bytes);
      segment.asSlice(0, skipStart).fill((byte) 0);
      segment.asSlice(skipEnd, bytes - skipEnd).fill((byte) 0);
    }
  }
}
