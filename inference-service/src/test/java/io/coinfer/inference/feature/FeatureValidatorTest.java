package io.coinfer.inference.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.contracts.events.FailureReason;
import io.coinfer.splitnn.wire.CodecDescriptor;
import io.coinfer.splitnn.wire.FeatureWire;
import io.coinfer.splitnn.wire.QuantisedFeature;
import io.coinfer.splitnn.wire.Quantiser;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bad-feature catalogue against a served codec: each payload's exact reason and detail. */
class FeatureValidatorTest {

  private static final int[] SHAPE = {4, 3, 3};
  private static final CodecDescriptor CODEC =
      new CodecDescriptor("resnet18-tiny-32", 2, "resnet18-tiny-32/p2", 1, SHAPE, 8);

  private static final QuantisedFeature VALID = feature(-1.5f, 2.5f, "resnet18-tiny-32/p2", 1);

  @Test
  void shouldReadAFeatureOfTheServedCodec() {
    assertThat(FeatureValidator.read(FeatureWire.write(VALID), CODEC)).isEqualTo(VALID);
  }

  @Test
  void shouldRejectANanOrInfiniteRange() {
    assertRejected(
        FeatureWire.write(withRange(Float.NaN, 2.5f)),
        FailureReason.NON_FINITE_VALUES,
        "quantisation range must be finite, was [NaN, 2.5]");
    assertRejected(
        FeatureWire.write(withRange(-1.5f, Float.POSITIVE_INFINITY)),
        FailureReason.NON_FINITE_VALUES,
        "quantisation range must be finite, was [-1.5, Infinity]");
    assertRejected(
        FeatureWire.write(withRange(Float.NEGATIVE_INFINITY, Float.NaN)),
        FailureReason.NON_FINITE_VALUES,
        "quantisation range must be finite, was [-Infinity, NaN]");
  }

  @Test
  void shouldRejectAnotherCodecVersion() {
    assertRejected(
        FeatureWire.write(feature(-1.5f, 2.5f, "resnet18-tiny-32/p2", 2)),
        FailureReason.UNKNOWN_CODEC,
        "feature was encoded by codec resnet18-tiny-32/p2 v2 but the receiver holds"
            + " resnet18-tiny-32/p2 v1");
  }

  @Test
  void shouldRejectAnotherWireFormatVersion() {
    byte[] bytes = FeatureWire.write(VALID);
    bytes[5] = 2; // format version 2, after the four magic bytes
    assertRejected(
        bytes,
        FailureReason.BAD_WIRE_FORMAT,
        "unknown feature format version 2; this reader knows 1");
  }

  @Test
  void shouldRejectTruncatedPaddedAndForeignPayloads() {
    byte[] bytes = FeatureWire.write(VALID);
    assertRejected(
        Arrays.copyOf(bytes, bytes.length - 1),
        FailureReason.BAD_WIRE_FORMAT,
        "feature message truncated: 35 of 36 code bytes");
    assertRejected(
        Arrays.copyOf(bytes, bytes.length + 1),
        FailureReason.BAD_WIRE_FORMAT,
        "1 unexpected bytes after the packed codes");
    assertRejected(
        "{\"feature\":[1,2,3]}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        FailureReason.BAD_WIRE_FORMAT,
        "not a coinfer feature: magic is not CFQF");
    assertRejected(
        new byte[0],
        FailureReason.BAD_WIRE_FORMAT,
        "feature message truncated: 0 bytes end inside the header");
  }

  @Test
  void shouldRejectAnotherModelShapeOrBitWidth() {
    QuantisedFeature otherModel =
        Quantiser.quantise(values(), SHAPE, 8, "vgg11-tiny-32", 2, "resnet18-tiny-32/p2", 1);
    assertRejected(
        FeatureWire.write(otherModel),
        FailureReason.UNKNOWN_MODEL,
        "feature is from model vgg11-tiny-32 point 2 but this codec serves resnet18-tiny-32 point"
            + " 2");
    QuantisedFeature otherShape =
        Quantiser.quantise(
            values(), new int[] {4, 9, 1}, 8, "resnet18-tiny-32", 2, "resnet18-tiny-32/p2", 1);
    assertRejected(
        FeatureWire.write(otherShape),
        FailureReason.WRONG_SHAPE,
        "feature code shape [4, 9, 1] does not match the codec's [4, 3, 3]");
    QuantisedFeature fourBits =
        Quantiser.quantise(values(), SHAPE, 4, "resnet18-tiny-32", 2, "resnet18-tiny-32/p2", 1);
    assertRejected(
        FeatureWire.write(fourBits),
        FailureReason.UNKNOWN_CODEC,
        "feature has 4 bits per value but the codec uses 8");
  }

  private static void assertRejected(byte[] payload, FailureReason reason, String detail) {
    assertThatThrownBy(() -> FeatureValidator.read(payload, CODEC))
        .isInstanceOfSatisfying(
            RejectedFeatureException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(reason + ": " + detail);
  }

  private static float[] values() {
    float[] v = new float[36];
    for (int i = 0; i < v.length; i++) {
      v[i] = -1.5f + 4f * i / (v.length - 1);
    }
    return v;
  }

  private static QuantisedFeature feature(float min, float max, String codecId, int version) {
    QuantisedFeature q =
        Quantiser.quantise(values(), SHAPE, 8, "resnet18-tiny-32", 2, codecId, version);
    return new QuantisedFeature(
        q.modelId(),
        q.point(),
        q.codecId(),
        q.codecVersion(),
        q.shape(),
        q.bits(),
        min,
        max,
        q.packed());
  }

  private static QuantisedFeature withRange(float min, float max) {
    return feature(min, max, VALID.codecId(), VALID.codecVersion());
  }
}
