package io.coinfer.inference.feature;

import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.FeatureEvent;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.splitnn.data.ImageFolder;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.wire.CodecDescriptor;
import io.coinfer.splitnn.wire.FeatureWire;
import io.coinfer.splitnn.wire.QuantisedFeature;
import io.coinfer.splitnn.wire.WireFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Validates a feature before it reaches the tail: a served net; at point 0 a decodable image; at
 * points 1-4 the feature content type, a codec at that point, and splitnn's strict wire-format
 * reader against that codec's descriptor (format, version, model, point, codec id and version,
 * shape, bits, finite range, exact length).
 */
@Component
public class FeatureValidator {

  private final SplitModels models;

  /**
   * A validator over the served models.
   *
   * @param models the split models
   */
  public FeatureValidator(SplitModels models) {
    this.models = models;
  }

  /**
   * Validates a feature.
   *
   * @param feature the feature event
   * @return what the tail needs
   * @throws RejectedFeatureException naming the reason if it is not valid
   */
  public ValidFeature validate(FeatureEvent feature) {
    SplitRuntime runtime =
        models
            .of(feature.net())
            .orElseThrow(
                () ->
                    new RejectedFeatureException(
                        FailureReason.UNKNOWN_MODEL, "net " + feature.net() + " is not served"));
    if (feature.point() == 0) {
      return new ValidFeature(feature, runtime, null, imageChw(feature, runtime));
    }
    if (!FeatureEvent.FEATURE_CONTENT_TYPE.equals(feature.contentType())) {
      throw new RejectedFeatureException(
          FailureReason.BAD_WIRE_FORMAT,
          "a feature at point "
              + feature.point()
              + " must be "
              + FeatureEvent.FEATURE_CONTENT_TYPE
              + ", was "
              + feature.contentType());
    }
    if (!runtime.hasCodec(feature.point())) {
      throw new RejectedFeatureException(
          FailureReason.UNKNOWN_CODEC,
          "model " + runtime.modelId() + " has no codec at point " + feature.point());
    }
    return new ValidFeature(
        feature, runtime, read(feature.payload(), runtime.descriptor(feature.point())), null);
  }

  /**
   * Reads a feature payload with splitnn's strict wire-format reader against the codec it must
   * match.
   *
   * @param payload the payload in splitnn's wire format
   * @param codec the served codec at the feature's point
   * @return the quantised feature
   * @throws RejectedFeatureException naming the reason: {@code NON_FINITE_VALUES} for a NaN or
   *     infinite quantisation range, {@code UNKNOWN_CODEC} for another codec, codec version or
   *     bits, {@code UNKNOWN_MODEL} for another model or point, {@code WRONG_SHAPE} for another
   *     code shape, {@code BAD_WIRE_FORMAT} for anything else (magic, format version, truncation,
   *     trailing bytes, lengths)
   */
  static QuantisedFeature read(byte[] payload, CodecDescriptor codec) {
    try {
      return FeatureWire.read(payload, codec);
    } catch (WireFormatException e) {
      throw new RejectedFeatureException(reason(e.reason()), e.getMessage());
    }
  }

  private static byte[] imageChw(FeatureEvent feature, SplitRuntime runtime) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(feature.payload()));
      if (image == null) {
        throw new RejectedFeatureException(
            FailureReason.BAD_IMAGE, "the raw image of point 0 cannot be decoded");
      }
      return ImageFolder.toChw(image, runtime.input().height());
    } catch (IOException e) {
      throw new RejectedFeatureException(FailureReason.BAD_IMAGE, e.getMessage());
    }
  }

  private static FailureReason reason(WireFormatException.Reason reason) {
    return switch (reason) {
      case MODEL_MISMATCH -> FailureReason.UNKNOWN_MODEL;
      case CODEC_MISMATCH, BITS_MISMATCH -> FailureReason.UNKNOWN_CODEC;
      case SHAPE_MISMATCH, BAD_SHAPE -> FailureReason.WRONG_SHAPE;
      case NON_FINITE_RANGE -> FailureReason.NON_FINITE_VALUES;
      default -> FailureReason.BAD_WIRE_FORMAT;
    };
  }

  /**
   * A validated feature.
   *
   * @param event the feature event
   * @param runtime the runtime of its net
   * @param feature the quantised feature (points 1-4), or null
   * @param imageChw the 8-bit C-H-W image at the model's input size (point 0), or null
   */
  public record ValidFeature(
      FeatureEvent event, SplitRuntime runtime, QuantisedFeature feature, byte[] imageChw) {}
}
