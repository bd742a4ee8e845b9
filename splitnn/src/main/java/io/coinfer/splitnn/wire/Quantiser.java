package io.coinfer.splitnn.wire;

/**
 * Per-tensor min-max quantisation to n-bit unsigned integers and bit packing (most significant bit
 * first). Plain Java, so that devices, services and tests share one implementation.
 */
public final class Quantiser {

  /** Largest supported bits per value. */
  public static final int MAX_BITS = 16;

  private Quantiser() {}

  /**
   * Quantises one code tensor.
   *
   * @param values the code values in C-H-W order; all finite
   * @param shape the code shape {@code {C, H, W}}; its product must equal {@code values.length}
   * @param bits bits per value, 1..16
   * @param modelId the model id written into the header
   * @param point the partition point written into the header
   * @param codecId the codec id written into the header
   * @param codecVersion the codec version written into the header
   * @throws IllegalArgumentException on a non-finite value, a wrong length or unsupported bits
   */
  public static QuantisedFeature quantise(
      float[] values,
      int[] shape,
      int bits,
      String modelId,
      int point,
      String codecId,
      int codecVersion) {
    checkBits(bits);
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    if (count != values.length) {
      throw new IllegalArgumentException(
          "shape holds " + count + " values but " + values.length + " were given");
    }
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("cannot quantise a non-finite value " + v);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (values.length == 0) {
      min = 0;
      max = 0;
    }
    int levels = (1 << bits) - 1;
    double scale = max > min ? levels / ((double) max - min) : 0;
    byte[] packed = new byte[packedLength(values.length, bits)];
    long bitPos = 0;
    for (float v : values) {
      int q = (int) Math.round((v - (double) min) * scale);
      q = Math.max(0, Math.min(levels, q));
      bitPos = write(packed, bitPos, q, bits);
    }
    return new QuantisedFeature(
        modelId, point, codecId, codecVersion, shape, bits, min, max, packed);
  }

  /** Restores the values of a quantised feature (see {@link QuantisedFeature}). */
  public static float[] dequantise(QuantisedFeature feature) {
    int bits = feature.bits();
    int n = Math.toIntExact(feature.valueCount());
    byte[] packed = feature.packed();
    double step = ((double) feature.max() - feature.min()) / ((1 << bits) - 1);
    float[] out = new float[n];
    long bitPos = 0;
    for (int i = 0; i < n; i++) {
      int q = read(packed, bitPos, bits);
      bitPos += bits;
      out[i] = (float) (feature.min() + q * step);
    }
    return out;
  }

  /** Largest absolute error of a round trip for a range and bits: {@code (max-min) / (2 L)}. */
  public static double errorBound(float min, float max, int bits) {
    return ((double) max - min) / (2.0 * ((1 << bits) - 1));
  }

  /** Bytes needed for {@code count} values of {@code bits} bits: {@code ceil(count*bits/8)}. */
  public static int packedLength(long count, int bits) {
    return Math.toIntExact((count * bits + 7) / 8);
  }

  static void checkBits(int bits) {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException("bits must be in 1.." + MAX_BITS + ", was " + bits);
    }
  }

  private static long write(byte[] out, long bitPos, int value, int bits) {
    for (int b = bits - 1; b >= 0; b--) {
      if (((value >>> b) & 1) != 0) {
        out[(int) (bitPos >>> 3)] |= (byte) (0x80 >>> (bitPos & 7));
      }
      bitPos++;
    }
    return bitPos;
  }

  static int read(byte[] in, long bitPos, int bits) {
    int value = 0;
    for (int b = 0; b < bits; b++, bitPos++) {
      int bit = (in[(int) (bitPos >>> 3)] >>> (7 - (bitPos & 7))) & 1;
      value = (value << 1) | bit;
    }
    return value;
  }
}
