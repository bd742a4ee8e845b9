package io.coinfer.splitnn.profile;

/**
 * Measured cost of one partition point on this machine, for one image.
 *
 * @param net model family id, e.g. {@code resnet18}
 * @param point partition point 0..5
 * @param featureBits size of what leaves the device before compression: 8-bit raw image at point 0,
 *     the fp32 feature at points 1..4, 0 at point 5 (bits)
 * @param compressionRate the codec's rate at points 1..4, 1 at points 0 and 5
 * @param headSeconds device compute: head plus encoder and quantiser (seconds, median)
 * @param encoderSeconds the encoder and quantiser alone (seconds, median; 0 at points 0 and 5)
 * @param payloadBits bits of the packed code actually sent (0 at point 5)
 * @param decoderSeconds edge: dequantiser and decoder (seconds, median; 0 at points 0 and 5)
 * @param tailSeconds edge: the tail (seconds, median; 0 at point 5)
 */
public record PointTiming(
    String net,
    int point,
    long featureBits,
    double compressionRate,
    double headSeconds,
    double encoderSeconds,
    long payloadBits,
    double decoderSeconds,
    double tailSeconds) {

  /** Edge compute: decoder plus tail (seconds). */
  public double edgeTailSeconds() {
    return decoderSeconds + tailSeconds;
  }
}
