package io.tasklet.runtime;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Where every region of one launch lives in its block of linear memory.
 *
 * <p>The block is laid out as {@code [shared state][input][output][scratch 0]...[scratch n-1]}.
 * Every region starts on a {@value #REGION_ALIGNMENT}-byte boundary, so no two regions (and so no
 * two lanes' scratch) share a cache line. An empty region takes no space; its offset is where it
 * would start. The block ends where its last non-empty region ends.
 *
 * <p>This is the one place the arithmetic lives: the annotation processor checks a declared budget
 * with {@link #of} at compile time, and the runtime allocates exactly {@link #totalBytes()} with
 * the same call at launch, so what compiles always fits.
 *
 * <p>Sizes add up without overflow: a plan too large for a {@code long} saturates at
 * {@link Long#MAX_VALUE}, which fits no budget.
 *
 * @param sharedBytes size of the shared state region
 * @param inputBytes size of the input region
 * @param outputBytes size of the output region
 * @param workers number of lanes, each with its own scratch region (0 for a single-threaded tasklet)
 * @param scratchBytes size of one lane's scratch region
 * @param sharedOffset offset of the shared state region (always 0)
 * @param inputOffset offset of the input region
 * @param outputOffset offset of the output region
 * @param firstScratchOffset offset of lane 0's scratch region
 * @param scratchStride distance between two consecutive lanes' scratch regions
 * @param totalBytes size of the whole block
 */
public record LinearMemoryPlan(
    long sharedBytes,
    long inputBytes,
    long outputBytes,
    int workers,
    long scratchBytes,
    long sharedOffset,
    long inputOffset,
    long outputOffset,
    long firstScratchOffset,
    long scratchStride,
    long totalBytes) {

  /** Alignment of every region, in bytes: one cache line on the machines the runtime targets. */
  public static final long REGION_ALIGNMENT = 64;

  /** Largest number of worker lanes a launch may ask for. */
  public static final int MAX_WORKERS = 65_535;

  /** Default budget: 4,294,967,295 bytes, as in the seed runtime's {@code u32::MAX}. */
  public static final long DEFAULT_MAX_LINEAR_MEMORY = 0xFFFF_FFFFL;

  /**
   * Plans the block for one launch.
   *
   * @throws IllegalArgumentException if a size is negative or {@code workers} is outside
   *     0..{@value #MAX_WORKERS}
   */
  public static LinearMemoryPlan of(
      long sharedBytes, long inputBytes, long outputBytes, int workers, long scratchBytes) {
    requireSize("shared state", sharedBytes);
    requireSize("input", inputBytes);
    requireSize("output", outputBytes);
    requireSize("scratch", scratchBytes);
    if (workers < 0 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "workers must be between 0 and " + MAX_WORKERS + ", was " + workers);
    }
    long end = sharedBytes;
    long inputOffset = alignUp(end);
    end = endOf(inputOffset, inputBytes, end);
    long outputOffset = alignUp(end);
    end = endOf(outputOffset, outputBytes, end);
    long firstScratchOffset = alignUp(end);
    long scratchStride = alignUp(scratchBytes);
    if (workers > 0 && scratchBytes > 0) {
      end = saturatedAdd(
          saturatedAdd(firstScratchOffset, saturatedMultiply(workers - 1, scratchStride)),
          scratchBytes);
    }
    return new LinearMemoryPlan(
        sharedBytes, inputBytes, outputBytes, workers, scratchBytes,
        0, inputOffset, outputOffset, firstScratchOffset, scratchStride, end);
  }

  /** Offset of lane {@code lane}'s scratch region. */
  public long scratchOffset(int lane) {
    if (lane < 0 || lane >= workers) {
      throw new IndexOutOfBoundsException("lane " + lane + " out of range 0.." + (workers - 1));
    }
    return firstScratchOffset + lane * scratchStride;
  }

  /** Bytes the block spends on padding between regions so that each starts on a cache line. */
  public long alignmentBytes() {
    long payload = saturatedAdd(
        saturatedAdd(sharedBytes, inputBytes),
        saturatedAdd(outputBytes, saturatedMultiply(workers, scratchBytes)));
    return totalBytes == Long.MAX_VALUE ? 0 : totalBytes - payload;
  }

  /** Whether the block fits a budget of {@code maxLinearMemory} bytes. */
  public boolean fits(long maxLinearMemory) {
    return totalBytes != Long.MAX_VALUE && totalBytes <= maxLinearMemory;
  }

  /**
   * The arithmetic of this plan against a budget, for error messages, for example {@code shared
   * 2,072 B + input 1,048,576 B + 8 lanes x 2,048 B scratch + 40 B alignment = 1,067,072 B >
   * maxLinearMemory 1,048,576 B}.
   */
  public String arithmetic(long maxLinearMemory) {
    StringJoiner terms = new StringJoiner(" + ");
    terms.add("shared " + bytes(sharedBytes));
    if (inputBytes > 0) {
      terms.add("input " + bytes(inputBytes));
    }
    if (outputBytes > 0) {
      terms.add("output " + bytes(outputBytes));
    }
    if (workers > 0) {
      terms.add(String.format(Locale.ROOT, "%,d", workers) + (workers == 1 ? " lane" : " lanes")
          + " x " + bytes(scratchBytes) + " scratch");
    }
    if (totalBytes == Long.MAX_VALUE) {
      return terms + " = more than " + bytes(Long.MAX_VALUE - 1) + " > maxLinearMemory "
          + bytes(maxLinearMemory);
    }
    terms.add(bytes(alignmentBytes()) + " alignment");
    return terms + " = " + bytes(totalBytes) + (fits(maxLinearMemory) ? " <= " : " > ")
        + "maxLinearMemory " + bytes(maxLinearMemory);
  }

  /** The message for a plan that does not fit {@code maxLinearMemory}. */
  public String budgetExceededMessage(long maxLinearMemory) {
    return "linear memory budget exceeded: " + arithmetic(maxLinearMemory);
  }

  /** One line per non-empty region with its offset and size, for people reading a run's report. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    region(out, "shared", sharedOffset, sharedBytes);
    region(out, "input", inputOffset, inputBytes);
    region(out, "output", outputOffset, outputBytes);
    if (workers > 0 && scratchBytes > 0) {
      out.append(String.format(Locale.ROOT, "  %-8s @ %,14d  %s x %,d B (stride %,d B)%n",
          "scratch", firstScratchOffset, workers + (workers == 1 ? " lane" : " lanes"),
          scratchBytes, scratchStride));
    }
    out.append(String.format(Locale.ROOT, "  %-8s   %14s  %,d B (%,d B alignment)",
        "total", "", totalBytes, alignmentBytes()));
    return out.toString();
  }

  /** {@code value} rounded up to the next multiple of {@link #REGION_ALIGNMENT}. */
  public static long alignUp(long value) {
    long mask = REGION_ALIGNMENT - 1;
    return value > Long.MAX_VALUE - mask ? Long.MAX_VALUE : (value + mask) & ~mask;
  }

  private static void region(StringBuilder out, String name, long offset, long size) {
    if (size > 0) {
      out.append(String.format(Locale.ROOT, "  %-8s @ %,14d  %,d B%n", name, offset, size));
    }
  }

  private static long endOf(long offset, long size, long previousEnd) {
    return size == 0 ? previousEnd : saturatedAdd(offset, size);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long saturatedMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    return high != 0 || product < 0 ? Long.MAX_VALUE : product;
  }

  private static String bytes(long value) {
    return String.format(Locale.ROOT, "%,d B", value);
  }

  private static void requireSize(String region, long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException(region + " size must not be negative, was " + bytes);
    }
  }
}
