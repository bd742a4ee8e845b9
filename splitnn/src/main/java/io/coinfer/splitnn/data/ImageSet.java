package io.coinfer.splitnn.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.model.InputSpec;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Labelled RGB images of one size held in memory as 8-bit channel-planar pixels.
 *
 * @param classes class names; label {@code i} names {@code classes.get(i)}
 * @param size image side in pixels (images are square)
 * @param pixels one array of {@code 3 * size * size} bytes per image, in C-H-W order
 * @param labels one label per image
 */
public record ImageSet(List<String> classes, int size, List<byte[]> pixels, int[] labels) {

  /** Checks that every image has the right size and a known label. */
  public ImageSet {
    classes = List.copyOf(classes);
    pixels = List.copyOf(pixels);
    labels = labels.clone();
    if (pixels.size() != labels.length) {
      throw new IllegalArgumentException("one label per image is needed");
    }
    for (int i = 0; i < labels.length; i++) {
      if (pixels.get(i).length != 3 * size * size) {
        throw new IllegalArgumentException("image " + i + " is not 3x" + size + "x" + size);
      }
      if (labels[i] < 0 || labels[i] >= classes.size()) {
        throw new IllegalArgumentException("image " + i + " has unknown label " + labels[i]);
      }
    }
  }

  /** Number of images. */
  public int count() {
    return labels.length;
  }

  /** The label of image {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /** The image indices in an order shuffled by {@code seed} (a new order per epoch seed). */
  public int[] shuffledIndices(long seed) {
    int[] order = IntStream.range(0, count()).toArray();
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * Makes a normalised batch (N, 3, size, size) of the images at {@code indices}.
   *
   * @param input the normalisation (its size must equal this set's)
   * @param flip whether to mirror images horizontally (data augmentation), per image
   */
  public NDArray images(int[] indices, InputSpec input, NDManager manager, boolean[] flip) {
    List<byte[]> chosen = new java.util.ArrayList<>(indices.length);
    for (int i : indices) {
      chosen.add(pixels.get(i));
    }
    return toTensor(chosen, input, manager, flip);
  }

  /**
   * Turns 8-bit C-H-W RGB images into a normalised batch (N, 3, H, W).
   *
   * @param images one array of {@code 3 * H * W} bytes per image, at the model's input size
   * @param flip whether to mirror each image horizontally, or null for none
   * @throws IllegalArgumentException when an image has another size than the model expects
   */
  public static NDArray toTensor(
      List<byte[]> images, InputSpec input, NDManager manager, boolean[] flip) {
    int h = input.height();
    int w = input.width();
    int plane = h * w;
    float[] out = new float[images.size() * 3 * plane];
    for (int n = 0; n < images.size(); n++) {
      byte[] src = images.get(n);
      if (src.length != 3 * plane) {
        throw new IllegalArgumentException(
            "model expects 3x"
                + h
                + "x"
                + w
                + " images, image "
                + n
                + " has "
                + src.length
                + " bytes");
      }
      boolean mirror = flip != null && flip[n];
      for (int c = 0; c < 3; c++) {
        float mean = input.mean().get(c);
        float std = input.std().get(c);
        int base = (n * 3 + c) * plane;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int sx = mirror ? w - 1 - x : x;
            float v = (src[c * plane + y * w + sx] & 0xFF) / 255f;
            out[base + y * w + x] = (v - mean) / std;
          }
        }
      }
    }
    return manager.create(out, new Shape(images.size(), 3, h, w));
  }

  /** The labels of the images at {@code indices} as an int64 array. */
  public NDArray labels(int[] indices, NDManager manager) {
    long[] out = new long[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = labels[indices[i]];
    }
    return manager.create(out).toType(DataType.INT64, false);
  }
}
