package io.tasklet.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The linear memory of one runtime's launches: one zeroed block per launch, in an arena of its
 * own that is closed when the launch ends.
 *
 * <p>Blocks are never reused. A segment that user code kept from a context after its launch
 * therefore fails on access ({@link IllegalStateException}, the guarantee of a closed arena)
 * instead of reaching a later launch's memory; and an idle runtime holds no memory at all. The
 * price is the arena's close: closing a shared arena makes every thread of the process pass a
 * safepoint-like handshake, a few microseconds per launch (see the README's Benchmarks section).
 */
final class MemoryBlocks {
  private final AtomicLong reservedBytes = new AtomicLong();

  /**
   * A zeroed block for {@code plan}, aligned to a cache line, that lanes on any thread may use
   * ({@code shared}), or only the calling thread.
   *
   * @throws OutOfMemoryError if the memory cannot be allocated
   */
  Block take(LinearMemoryPlan plan, boolean shared) {
    long bytes = plan.totalBytes();
    Arena arena = shared ? Arena.ofShared() : Arena.ofConfined();
    try {
      MemorySegment segment = arena.allocate(bytes, LinearMemoryPlan.REGION_ALIGNMENT);
      reservedBytes.addAndGet(bytes);
      return new Block(arena, segment);
    } catch (RuntimeException | OutOfMemoryError e) {
      arena.close();
      throw e;
    }
  }

  /** Releases a block taken by {@link #take}: every segment of it fails on access from now on. */
  void release(Block block) {
    block.arena.close();
    reservedBytes.addAndGet(-block.segment.byteSize());
  }

  /** Bytes of native memory held by blocks of launches that have not ended. */
  long reservedBytes() {
    return reservedBytes.get();
  }

  /** One block and the arena that owns it. */
  record Block(Arena arena, MemorySegment segment) {}
}
