package io.coinfer.splitnn.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a receiver expects of a feature: the codec it holds for a model and point. A feature is
 * accepted only when every field matches.
 *
 * @param modelId the model id
 * @param point the partition point 1..4
 * @param codecId the codec id
 * @param codecVersion the codec version
 * @param codeShape the shape of the code for one image, {@code {C/s, H, W}}
 * @param bits bits per quantised value
 */
public record CodecDescriptor(
    String modelId, int point, String codecId, int codecVersion, int[] codeShape, int bits) {

  /** Copies the shape. */
  public CodecDescriptor {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(codecId, "codecId");
    codeShape = codeShape.clone();
  }

  @Override
  public int[] codeShape() {
    return codeShape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodecDescriptor d
        && modelId.equals(d.modelId)
        && point == d.point
        && codecId.equals(d.codecId)
        && codecVersion == d.codecVersion
        && Arrays.equals(codeShape, d.codeShape)
        && bits == d.bits;
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, point, codecId, codecVersion, Arrays.hashCode(codeShape), bits);
  }

  @Override
  public String toString() {
    return codecId
        + " v"
        + codecVersion
        + " ("
        + modelId
        + " point "
        + point
        + ", code "
        + Arrays.toString(codeShape)
        + ", "
        + bits
        + " bits)";
  }
}
