package io.coinfer.splitnn.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads an image classification data set laid out as one folder per class ({@code
 * root/<class>/*.jpg|jpeg|png}), resizes every image to a square of {@code size} pixels (bilinear,
 * aspect ratio not kept) and splits each class into train and test deterministically by seed. Class
 * labels are the folder names in sorted order.
 */
public final class ImageFolder {

  private ImageFolder() {}

  /**
   * Loads and splits a folder.
   *
   * @param root the folder holding one sub-folder per class
   * @param size the image side after resizing, in pixels
   * @param testFraction the fraction of each class held out for testing, in [0, 1)
   * @param seed the seed of the split
   * @throws IOException when the folder cannot be read, has fewer than two classes, or an image
   *     cannot be decoded (the message names the file)
   */
  public static DataSplit load(Path root, int size, double testFraction, long seed)
      throws IOException {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in [0, 1), was " + testFraction);
    }
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(root)) {
      classDirs = s.filter(Files::isDirectory).sorted().toList();
    }
    if (classDirs.size() < 2) {
      throw new IOException(root + " must hold at least two class folders");
    }
    List<String> classes = classDirs.stream().map(p -> p.getFileName().toString()).toList();
    List<byte[]> trainImages = new ArrayList<>();
    List<byte[]> testImages = new ArrayList<>();
    List<Integer> trainLabels = new ArrayList<>();
    List<Integer> testLabels = new ArrayList<>();
    Random random = new Random(seed);
    for (int label = 0; label < classDirs.size(); label++) {
      List<Path> files;
      try (Stream<Path> s = Files.list(classDirs.get(label))) {
        files = new ArrayList<>(s.filter(ImageFolder::isImage).sorted().toList());
      }
      if (files.isEmpty()) {
        throw new IOException("class folder " + classDirs.get(label) + " holds no JPEG/PNG");
      }
      java.util.Collections.shuffle(files, random);
      int testCount = (int) Math.round(files.size() * testFraction);
      for (int i = 0; i < files.size(); i++) {
        byte[] pixels = readChw(files.get(i), size);
        if (i < testCount) {
          testImages.add(pixels);
          testLabels.add(label);
        } else {
          trainImages.add(pixels);
          trainLabels.add(label);
        }
      }
    }
    return new DataSplit(
        new ImageSet(classes, size, trainImages, toArray(trainLabels)),
        new ImageSet(classes, size, testImages, toArray(testLabels)));
  }

  /**
   * Reads one image file and returns it resized as 8-bit C-H-W RGB pixels.
   *
   * @throws IOException when the file is not a readable image
   */
  public static byte[] readChw(Path file, int size) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new IOException("not a readable JPEG/PNG image: " + file);
    }
    return toChw(image, size);
  }

  /** Resizes an image to {@code size x size} (bilinear) and returns its C-H-W RGB bytes. */
  public static byte[] toChw(BufferedImage image, int size) {
    BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, size, size, null);
    } finally {
      g.dispose();
    }
    byte[] out = new byte[3 * size * size];
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int rgb = scaled.getRGB(x, y);
        out[y * size + x] = (byte) (rgb >>> 16);
        out[plane + y * size + x] = (byte) (rgb >>> 8);
        out[2 * plane + y * size + x] = (byte) rgb;
      }
    }
    return out;
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p)
        && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
