package io.coinfer.splitnn.codec;

import io.coinfer.splitnn.wire.CodecDescriptor;
import java.util.List;

/**
 * Identity and shapes of a codec, stored as {@code codec.json} beside its weights.
 *
 * @param modelId the model whose feature it compresses
 * @param codecId the codec id, {@code <modelId>/p<point>} by default
 * @param codecVersion version, increased by every training run that writes the codec
 * @param spec the point, channels, shrink and bits
 * @param featureShapeList the feature at the point for one image, {@code [C, H, W]}
 * @param finetuned whether the backbone was fine-tuned together with this codec (then a matching
 *     {@code backbone.params} sits beside the codec)
 */
public record CodecInfo(
    String modelId,
    String codecId,
    int codecVersion,
    CodecSpec spec,
    List<Integer> featureShapeList,
    boolean finetuned) {

  /** Validates that the spec fits the feature. */
  public CodecInfo {
    featureShapeList = List.copyOf(featureShapeList);
    if (featureShapeList.size() != 3 || featureShapeList.get(0) != spec.inChannels()) {
      throw new IllegalArgumentException(
          "feature shape " + featureShapeList + " does not fit codec " + spec);
    }
  }

  /** The default codec id of a model and point: {@code <modelId>/p<point>}. */
  public static String defaultId(String modelId, int point) {
    return modelId + "/p" + point;
  }

  /** The same codec with the fine-tuned flag set as given. */
  public CodecInfo withFinetuned(boolean isFinetuned) {
    return new CodecInfo(modelId, codecId, codecVersion, spec, featureShapeList, isFinetuned);
  }

  /** The feature shape {@code {C, H, W}}. */
  public int[] featureShape() {
    return featureShapeList.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The code shape {@code {C/s, H, W}}. */
  public int[] codeShape() {
    return new int[] {spec.codeChannels(), featureShapeList.get(1), featureShapeList.get(2)};
  }

  /** Payload size of one compressed feature in bytes (without the header). */
  public int payloadBytes() {
    int[] s = codeShape();
    return io.coinfer.splitnn.wire.Quantiser.packedLength((long) s[0] * s[1] * s[2], spec.bits());
  }

  /** The receiver's expectation of features made by this codec. */
  public CodecDescriptor descriptor() {
    return new CodecDescriptor(
        modelId, spec.point(), codecId, codecVersion, codeShape(), spec.bits());
  }
}
