package io.coinfer.splitnn.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.splitnn.wire.WireFormatException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FeatureWireTest {

  private static final int[] SHAPE = {4, 3, 5};
  private static final CodecDescriptor CODEC =
      new CodecDescriptor("resnet18-test", 2, "resnet18-test/p2", 3, SHAPE, 8);

  private static float[] values(int n, long seed) {
    Random random = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian() * 3;
    }
    return v;
  }

  private static QuantisedFeature feature(int bits) {
    return Quantiser.quantise(
        values(60, 1), SHAPE, bits, "resnet18-test", 2, "resnet18-test/p2", 3);
  }

  /** Offsets in the message of the default feature (ids of 13 and 16 bytes). */
  private static final int POINT = 4 + 2 + 2 + 13;

  private static final int CODEC_VERSION = POINT + 1 + 2 + 16;
  private static final int RANK = CODEC_VERSION + 4;
  private static final int DIM0 = RANK + 1;
  private static final int BITS = DIM0 + 12;
  private static final int MIN = BITS + 1;
  private static final int MAX = MIN + 4;
  private static final int LENGTH = MAX + 4;

  private static byte[] message(Consumer<ByteBuffer> edit) {
    byte[] bytes = FeatureWire.write(feature(8));
    edit.accept(ByteBuffer.wrap(bytes));
    return bytes;
  }

  private static void assertRejected(byte[] message, Reason reason, String messagePart) {
    assertThatThrownBy(() -> FeatureWire.read(message, CODEC))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((WireFormatException) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void shouldRestoreEveryValueWithinTheQuantisationBoundWhenRoundTripped() {
    for (int bits : new int[] {1, 3, 4, 8, 12, 16}) {
      // Given a code quantised to n bits
      float[] original = values(60, 1);
      QuantisedFeature f =
          Quantiser.quantise(original, SHAPE, bits, "resnet18-test", 2, "resnet18-test/p2", 3);
      // When it is written and read back
      QuantisedFeature read = FeatureWire.read(FeatureWire.write(f));
      // Then it is the same feature and every value is within (max - min) / (2 (2^n - 1))
      assertThat(read).isEqualTo(f);
      float[] restored = read.dequantise();
      double bound = Quantiser.errorBound(f.min(), f.max(), bits) * (1 + 1e-6);
      for (int i = 0; i < original.length; i++) {
        assertThat((double) Math.abs(restored[i] - original[i])).isLessThanOrEqualTo(bound);
      }
      assertThat(f.payloadBytes()).isEqualTo((60 * bits + 7) / 8);
    }
  }

  @Test
  void shouldRestoreAConstantCodeExactly() {
    float[] constant = new float[60];
    Arrays.fill(constant, 2.5f);
    QuantisedFeature f = Quantiser.quantise(constant, SHAPE, 4, "m", 1, "c", 1);
    assertThat(FeatureWire.read(FeatureWire.write(f)).dequantise()).containsOnly(2.5f);
  }

  @Test
  void shouldAcceptAMessageThatMatchesTheCodec() {
    assertThat(FeatureWire.read(FeatureWire.write(feature(8)), CODEC)).isEqualTo(feature(8));
  }

  @Test
  void shouldRejectWrongMagic() {
    assertRejected(message(b -> b.put(0, (byte) 'X')), Reason.BAD_MAGIC, "magic");
  }

  @Test
  void shouldRejectUnknownFormatVersion() {
    assertRejected(message(b -> b.putShort(4, (short) 2)), Reason.UNKNOWN_VERSION, "version 2");
  }

  @Test
  void shouldRejectEmptyModelId() {
    assertRejected(message(b -> b.putShort(6, (short) 0)), Reason.BAD_ID, "model id");
  }

  @Test
  void shouldRejectInvalidUtf8InId() {
    assertRejected(message(b -> b.put(8, (byte) 0xFF)), Reason.BAD_ID, "UTF-8");
  }

  @Test
  void shouldRejectPointOutsideOneToFour() {
    assertRejected(message(b -> b.put(POINT, (byte) 5)), Reason.BAD_POINT, "1..4, was 5");
  }

  @Test
  void shouldRejectNonPositiveCodecVersion() {
    assertRejected(message(b -> b.putInt(CODEC_VERSION, 0)), Reason.BAD_CODEC_VERSION, "was 0");
  }

  @Test
  void shouldRejectWrongRank() {
    assertRejected(message(b -> b.put(RANK, (byte) 2)), Reason.BAD_SHAPE, "rank 3, was 2");
  }

  @Test
  void shouldRejectNonPositiveDimension() {
    assertRejected(message(b -> b.putInt(DIM0, -4)), Reason.BAD_SHAPE, "must be positive");
  }

  @Test
  void shouldRejectHugeShape() {
    assertRejected(message(b -> b.putInt(DIM0, Integer.MAX_VALUE)), Reason.BAD_SHAPE, "more than");
  }

  @Test
  void shouldRejectBitsOutsideOneToSixteen() {
    assertRejected(message(b -> b.put(BITS, (byte) 17)), Reason.BAD_BITS, "was 17");
    assertRejected(message(b -> b.put(BITS, (byte) 0)), Reason.BAD_BITS, "was 0");
  }

  @Test
  void shouldRejectNanMin() {
    assertRejected(message(b -> b.putFloat(MIN, Float.NaN)), Reason.NON_FINITE_RANGE, "NaN");
  }

  @Test
  void shouldRejectInfiniteMax() {
    assertRejected(
        message(b -> b.putFloat(MAX, Float.POSITIVE_INFINITY)),
        Reason.NON_FINITE_RANGE,
        "Infinity");
  }

  @Test
  void shouldRejectMinAboveMax() {
    assertRejected(message(b -> b.putFloat(MIN, 1e9f)), Reason.INVERTED_RANGE, "exceeds max");
  }

  @Test
  void shouldRejectDeclaredLengthThatDoesNotFitShapeAndBits() {
    assertRejected(message(b -> b.putInt(LENGTH, 59)), Reason.LENGTH_MISMATCH, "60 bytes");
  }

  @Test
  void shouldRejectMessageCutInsideTheCodes() {
    byte[] full = FeatureWire.write(feature(8));
    assertRejected(Arrays.copyOf(full, full.length - 1), Reason.TRUNCATED, "59 of 60");
  }

  @Test
  void shouldRejectMessageCutInsideTheHeader() {
    assertRejected(
        Arrays.copyOf(FeatureWire.write(feature(8)), CODEC_VERSION + 2),
        Reason.TRUNCATED,
        "header");
    assertRejected(Arrays.copyOf(FeatureWire.write(feature(8)), 30), Reason.TRUNCATED, "codec id");
  }

  @Test
  void shouldRejectBytesAfterTheCodes() {
    byte[] full = FeatureWire.write(feature(8));
    assertRejected(Arrays.copyOf(full, full.length + 2), Reason.TRAILING_BYTES, "2 unexpected");
  }

  @Test
  void shouldRejectNonZeroPaddingBits() {
    // 60 values of 3 bits = 180 bits: the last byte has 4 padding bits
    byte[] bytes = FeatureWire.write(feature(3));
    bytes[bytes.length - 1] |= 1;
    assertThatThrownBy(() -> FeatureWire.read(bytes))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("padding")
        .extracting(e -> ((WireFormatException) e).reason())
        .isEqualTo(Reason.NONZERO_PADDING);
  }

  @Test
  void shouldRejectFeatureOfAnotherModel() {
    byte[] other =
        FeatureWire.write(
            Quantiser.quantise(values(60, 1), SHAPE, 8, "vgg11-test", 2, "resnet18-test/p2", 3));
    assertRejected(other, Reason.MODEL_MISMATCH, "vgg11-test point 2");
  }

  @Test
  void shouldRejectFeatureOfAnotherCodecVersion() {
    byte[] other =
        FeatureWire.write(
            Quantiser.quantise(values(60, 1), SHAPE, 8, "resnet18-test", 2, "resnet18-test/p2", 4));
    assertRejected(other, Reason.CODEC_MISMATCH, "v4");
  }

  @Test
  void shouldRejectShapeThatDoesNotMatchTheCodec() {
    byte[] other =
        FeatureWire.write(
            Quantiser.quantise(
                values(60, 1), new int[] {2, 6, 5}, 8, "resnet18-test", 2, "resnet18-test/p2", 3));
    assertRejected(other, Reason.SHAPE_MISMATCH, "[2, 6, 5]");
  }

  @Test
  void shouldRejectBitsThatDoNotMatchTheCodec() {
    assertRejected(FeatureWire.write(feature(4)), Reason.BITS_MISMATCH, "4 bits");
  }
}
