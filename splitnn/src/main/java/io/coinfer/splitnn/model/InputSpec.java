package io.coinfer.splitnn.model;

import java.util.List;

/**
 * What a model expects as input: an RGB image of {@code height x width} pixels, scaled to [0, 1]
 * and then normalised per channel as {@code (x - mean[c]) / std[c]}.
 *
 * @param channels number of channels (3 for RGB)
 * @param height image height in pixels
 * @param width image width in pixels
 * @param mean per-channel mean subtracted after scaling to [0, 1]
 * @param std per-channel standard deviation divided by after subtracting the mean
 */
public record InputSpec(int channels, int height, int width, List<Float> mean, List<Float> std) {

  /** ImageNet's channel means, used by torchvision models. */
  public static final List<Float> IMAGENET_MEAN = List.of(0.485f, 0.456f, 0.406f);

  /** ImageNet's channel standard deviations, used by torchvision models. */
  public static final List<Float> IMAGENET_STD = List.of(0.229f, 0.224f, 0.225f);

  /** Validates the sizes. */
  public InputSpec {
    if (channels < 1 || height < 8 || width < 8) {
      throw new IllegalArgumentException(
          "input must have at least 1 channel and 8x8 pixels, was "
              + channels
              + "x"
              + height
              + "x"
              + width);
    }
    if (mean.size() != channels || std.size() != channels) {
      throw new IllegalArgumentException("mean and std need one value per channel");
    }
    if (std.stream().anyMatch(s -> !(s > 0))) {
      throw new IllegalArgumentException("std must be positive, was " + std);
    }
    mean = List.copyOf(mean);
    std = List.copyOf(std);
  }

  /** An RGB square image of {@code size x size} pixels with ImageNet normalisation. */
  public static InputSpec rgb(int size) {
    return new InputSpec(3, size, size, IMAGENET_MEAN, IMAGENET_STD);
  }

  /** The shape of one image without the batch axis, {@code {C, H, W}}. */
  public long[] shape() {
    return new long[] {channels, height, width};
  }
}
