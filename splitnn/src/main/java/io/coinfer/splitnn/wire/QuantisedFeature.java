package io.coinfer.splitnn.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One compressed intermediate feature as it travels from a device to the edge: the encoder's code
 * for one image, quantised per tensor to {@code bits}-bit unsigned integers between {@code min} and
 * {@code max}, bit-packed most significant bit first.
 *
 * <p>Value {@code v} of the code is represented by {@code q = round((v - min) / (max - min) * L)}
 * with {@code L = 2^bits - 1}, and restored as {@code min + q * (max - min) / L}; the error is at
 * most {@code (max - min) / (2 L)}.
 *
 * @param modelId the model whose head made the feature, e.g. {@code resnet18-synthetic-64}
 * @param point the partition point 1..4
 * @param codecId the codec that encoded it, e.g. {@code resnet18-synthetic-64/p1}
 * @param codecVersion the codec's version (a new training run is a new version), at least 1
 * @param shape the code's shape {@code {C, H, W}} for one image (channels after shrinking)
 * @param bits bits per value, 1..16
 * @param min the smallest code value (finite)
 * @param max the largest code value (finite, at least {@code min})
 * @param packed the packed values, exactly {@code ceil(C*H*W*bits / 8)} bytes
 */
public record QuantisedFeature(
    String modelId,
    int point,
    String codecId,
    int codecVersion,
    int[] shape,
    int bits,
    float min,
    float max,
    byte[] packed) {

  /** Copies the arrays so that the record is immutable. */
  public QuantisedFeature {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(codecId, "codecId");
    shape = shape.clone();
    packed = packed.clone();
  }

  /** Number of values in the code: the product of the shape. */
  public long valueCount() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** Size of the packed codes in bytes (the payload without the header). */
  public int payloadBytes() {
    return packed.length;
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public byte[] packed() {
    return packed.clone();
  }

  /** Restores the code values (dequantised), in C-H-W order. */
  public float[] dequantise() {
    return Quantiser.dequantise(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantisedFeature f
        && modelId.equals(f.modelId)
        && point == f.point
        && codecId.equals(f.codecId)
        && codecVersion == f.codecVersion
        && Arrays.equals(shape, f.shape)
        && bits == f.bits
        && Float.compare(min, f.min) == 0
        && Float.compare(max, f.max) == 0
        && Arrays.equals(packed, f.packed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        modelId,
        point,
        codecId,
        codecVersion,
        Arrays.hashCode(shape),
        bits,
        min,
        max,
        Arrays.hashCode(packed));
  }

  @Override
  public String toString() {
    return "QuantisedFeature[model="
        + modelId
        + ", point="
        + point
        + ", codec="
        + codecId
        + " v"
        + codecVersion
        + ", shape="
        + Arrays.toString(shape)
        + ", bits="
        + bits
        + ", min="
        + min
        + ", max="
        + max
        + ", payloadBytes="
        + packed.length
        + "]";
  }
}
