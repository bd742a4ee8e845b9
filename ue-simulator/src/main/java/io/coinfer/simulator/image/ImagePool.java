package io.coinfer.simulator.image;

import io.coinfer.splitnn.data.ImageSet;
import io.coinfer.splitnn.data.SyntheticShapes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A fixed pool of labelled PNG images drawn from splitnn's {@link SyntheticShapes} data set (the
 * data set the platform's models are trained on when no other is given). Thread-safe and immutable.
 */
public final class ImagePool {

  /** The content type of every image of the pool. */
  public static final String CONTENT_TYPE = "image/png";

  private final List<byte[]> png;
  private final int[] labels;
  private final List<String> classes;

  private ImagePool(List<byte[]> png, int[] labels, List<String> classes) {
    this.png = List.copyOf(png);
    this.labels = labels.clone();
    this.classes = List.copyOf(classes);
  }

  /**
   * Draws a pool.
   *
   * @param perClass images per class (&ge; 1); the pool holds {@code perClass * 10}
   * @param size image side, pixels (&ge; 16)
   * @param seed the seed of the synthetic data set
   * @return the pool
   */
  public static ImagePool synthetic(int perClass, int size, long seed) {
    ImageSet set = SyntheticShapes.generate(perClass, size, seed);
    List<byte[]> encoded = new ArrayList<>(set.count());
    int[] labels = new int[set.count()];
    for (int i = 0; i < set.count(); i++) {
      encoded.add(png(set.pixels().get(i), size));
      labels[i] = set.label(i);
    }
    return new ImagePool(encoded, labels, set.classes());
  }

  /**
   * @return the number of images
   */
  public int size() {
    return png.size();
  }

  /**
   * @param index an image, 0 to {@link #size()} - 1
   * @return its PNG bytes (shared: do not modify)
   */
  public byte[] png(int index) {
    return png.get(index);
  }

  /**
   * @param index an image
   * @return the name of its true class, e.g. {@code disc}
   */
  public String label(int index) {
    return classes.get(labels[index]);
  }

  private static byte[] png(byte[] chw, int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = y * size + x;
        int rgb =
            (chw[i] & 0xff) << 16 | (chw[plane + i] & 0xff) << 8 | (chw[2 * plane + i] & 0xff);
        image.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a synthetic image as PNG", e);
    }
    return out.toByteArray();
  }
}
