package io.coinfer.splitnn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A built-in deterministic image classification data set: ten classes of shapes and textures drawn
 * with a random foreground and background colour, position and scale, plus Gaussian pixel noise.
 * The same seed always gives the same images, on every machine.
 *
 * <p>Classes: disc, square, triangle, ring, cross (flat-coloured shapes) and horizontal stripes,
 * vertical stripes, checkerboard, diagonal stripes, dots (textured squares). The object's side is
 * 35-75% of the image; the stripe period 4-6 pixels at 64x64 (scaled with the size, at least 4);
 * noise has a standard deviation of 8 grey levels.
 */
public final class SyntheticShapes {

  /** The class names, in label order. */
  public static final List<String> CLASSES =
      List.of(
          "disc",
          "square",
          "triangle",
          "ring",
          "cross",
          "hstripes",
          "vstripes",
          "checker",
          "dstripes",
          "dots");

  private SyntheticShapes() {}

  /**
   * Generates a train/test split.
   *
   * @param trainPerClass training images per class
   * @param testPerClass test images per class
   * @param size image side in pixels (at least 16)
   * @param seed the seed; train and test images are drawn from disjoint streams
   */
  public static DataSplit generate(int trainPerClass, int testPerClass, int size, long seed) {
    return new DataSplit(
        generate(trainPerClass, size, seed * 2 + 1), generate(testPerClass, size, seed * 2 + 2));
  }

  /** Generates {@code perClass} images of every class, interleaved by class. */
  public static ImageSet generate(int perClass, int size, long seed) {
    if (size < 16) {
      throw new IllegalArgumentException("synthetic images need at least 16x16 pixels");
    }
    Random random = new Random(seed);
    List<byte[]> images = new ArrayList<>();
    int[] labels = new int[perClass * CLASSES.size()];
    int n = 0;
    for (int i = 0; i < perClass; i++) {
      for (int label = 0; label < CLASSES.size(); label++) {
        images.add(draw(label, size, random));
        labels[n++] = label;
      }
    }
    return new ImageSet(CLASSES, size, images, labels);
  }

  private static byte[] draw(int label, int size, Random random) {
    float[] fg = colour(random);
    float[] bg = colour(random);
    while (distance(fg, bg) < 0.5f) {
      bg = colour(random);
    }
    double side = size * (0.35 + 0.4 * random.nextDouble());
    double cx = side / 2 + random.nextDouble() * (size - side);
    double cy = side / 2 + random.nextDouble() * (size - side);
    // at least 4 pixels, so that textures survive a CNN stem's 4x downsampling at small sizes
    double period = Math.max(4, size / 64.0 * (4 + random.nextInt(3)));
    byte[] out = new byte[3 * size * size];
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double u = (x + 0.5 - cx) / (side / 2); // -1..1 inside the object's box
        double v = (y + 0.5 - cy) / (side / 2);
        boolean on = inside(label, u, v, x, y, period);
        float[] c = on ? fg : bg;
        for (int ch = 0; ch < 3; ch++) {
          double value = c[ch] * 255 + random.nextGaussian() * 8;
          out[ch * plane + y * size + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
        }
      }
    }
    return out;
  }

  private static boolean inside(int label, double u, double v, int x, int y, double period) {
    boolean inBox = Math.abs(u) <= 1 && Math.abs(v) <= 1;
    double r = Math.hypot(u, v);
    return switch (label) {
      case 0 -> r <= 1;
      case 1 -> inBox;
      case 2 -> v <= 1 && v >= -1 && Math.abs(u) <= (v + 1) / 2;
      case 3 -> r <= 1 && r >= 0.6;
      case 4 -> inBox && (Math.abs(u) <= 0.3 || Math.abs(v) <= 0.3);
      case 5 -> inBox && Math.floorMod((int) Math.floor(y / period), 2) == 0;
      case 6 -> inBox && Math.floorMod((int) Math.floor(x / period), 2) == 0;
      case 7 ->
          inBox
              && Math.floorMod((int) Math.floor(x / period) + (int) Math.floor(y / period), 2) == 0;
      case 8 -> inBox && Math.floorMod((int) Math.floor((x + y) / (period * 1.4)), 2) == 0;
      case 9 -> {
        double px = Math.floorMod(x, (int) Math.round(period * 2)) - period + 0.5;
        double py = Math.floorMod(y, (int) Math.round(period * 2)) - period + 0.5;
        yield inBox && Math.hypot(px, py) <= period * 0.6;
      }
      default -> throw new IllegalArgumentException("no class " + label);
    };
  }

  private static float[] colour(Random random) {
    return new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat()};
  }

  private static float distance(float[] a, float[] b) {
    float d = 0;
    for (int i = 0; i < 3; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return (float) Math.sqrt(d);
  }
}
