package io.coinfer.splitnn.codec;

import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.wire.Quantiser;

/**
 * The shape of an autoencoder codec at one partition point: a 1x1 convolution from {@code
 * inChannels} to {@code codeChannels() = max(inChannels / shrink, 1)} channels, {@code bits}-bit
 * quantisation, and a 1x1 convolution back.
 *
 * <p>Its compression rate against the fp32 feature is {@code inChannels / codeChannels * 32 /
 * bits}; e.g. resnet18 point 1 with shrink 16 and 8 bits: 64 / 4 * 32 / 8 = 64 (the paper's rate).
 *
 * @param point partition point 1..4
 * @param inChannels channels of the feature at the point
 * @param shrink channel shrink factor, at least 1
 * @param bits bits per quantised code value, 1..16
 */
public record CodecSpec(int point, int inChannels, int shrink, int bits) {

  /** Default bits per value: 8, as in the paper's rates. */
  public static final int DEFAULT_BITS = 8;

  /** Default rate for models without a paper default (imported models): 64. */
  public static final int DEFAULT_RATE = 64;

  /** Validates the ranges. */
  public CodecSpec {
    if (point < 1 || point > 4) {
      throw new IllegalArgumentException("a codec sits at point 1..4, was " + point);
    }
    if (inChannels < 1 || shrink < 1) {
      throw new IllegalArgumentException("channels and shrink must be positive");
    }
    if (bits < 1 || bits > Quantiser.MAX_BITS) {
      throw new IllegalArgumentException("bits must be in 1..16, was " + bits);
    }
  }

  /** Channels of the code. */
  public int codeChannels() {
    return Math.max(inChannels / shrink, 1);
  }

  /** Compression rate against the fp32 feature: {@code inChannels/codeChannels * 32/bits}. */
  public double compressionRate() {
    return (double) inChannels / codeChannels() * 32.0 / bits;
  }

  /**
   * The paper's default codec at a point: 8 bits and the shrink that gives its rate (resnet18
   * 64/64/64/32, vgg11 128 at every point, mobilenetv2 32/48/32/32; resnet18-narrow as resnet18).
   */
  public static CodecSpec paperDefault(Architecture architecture, int point, int inChannels) {
    int[] rates =
        switch (architecture) {
          case RESNET18, RESNET18_NARROW -> new int[] {64, 64, 64, 32};
          case VGG11 -> new int[] {128, 128, 128, 128};
          case MOBILENETV2 -> new int[] {32, 48, 32, 32};
        };
    return ofRate(point, inChannels, rates[point - 1]);
  }

  /** The codec of a rate at 8 bits: shrink = rate / 4. */
  public static CodecSpec ofRate(int point, int inChannels, int rate) {
    if (rate % 4 != 0) {
      throw new IllegalArgumentException("an 8-bit codec needs a rate divisible by 4, was " + rate);
    }
    return new CodecSpec(point, inChannels, rate / 4, DEFAULT_BITS);
  }
}
