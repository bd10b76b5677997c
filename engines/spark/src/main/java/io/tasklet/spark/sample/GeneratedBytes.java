package io.tasklet.spark.sample;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The sample's data, made where it is used: partition {@code i} is the same bytes on any executor
 * and on the driver, so the job needs no input files and the answer can be checked in plain Java.
 * Mostly lower-case letters and spaces, as text is, with every byte value possible.
 */
public final class GeneratedBytes {
  private static final byte[] TEXT =
      "etaoin shrdlu cmfwyp vbgkqjxz ,.\n".getBytes(StandardCharsets.US_ASCII);

  private GeneratedBytes() {}

  /** The {@code size} bytes of partition {@code index}. */
  public static byte[] partition(int index, int size) {
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + index);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      int draw = random.nextInt(64);
      bytes[i] = draw < 56
          ? TEXT[Math.min(draw * draw / 96, TEXT.length - 1)]
          : (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** How often each byte value occurs in {@code bytes}, counted in plain Java. */
  public static long[] histogram(byte[] bytes) {
    long[] bins = new long[256];
    for (byte b : bytes) {
      bins[Byte.toUnsignedInt(b)]++;
    }
    return bins;
  }
}
