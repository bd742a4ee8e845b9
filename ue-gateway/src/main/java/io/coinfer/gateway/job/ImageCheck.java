package io.coinfer.gateway.job;

import io.coinfer.contracts.web.Problems;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks that a body is a whole image of an accepted size before a job is accepted: first its
 * header alone (format, width and height), so that a decompression bomb that declares huge
 * dimensions is refused before any pixel is decoded; then its data, decoded with source subsampling
 * so that at most {@link #MAX_CHECKED_PIXELS} pixels are held whatever the image's size, so that a
 * truncated or corrupt PNG or JPEG is refused here instead of failing (or, for a JPEG, being padded
 * with grey and classified) later.
 */
final class ImageCheck {

  /** The most pixels the data check keeps in memory (every other one is skipped while decoding). */
  static final long MAX_CHECKED_PIXELS = 1L << 16;

  private ImageCheck() {}

  /**
   * Checks an image.
   *
   * @param bytes the encoded image
   * @param maxPixels the largest width x height accepted
   * @throws org.springframework.web.ErrorResponseException 400 if it is not an image in a supported
   *     format, declares more than {@code maxPixels} pixels, or its header or data cannot be read
   */
  static void check(byte[] bytes, long maxPixels) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw Problems.badRequest("the body is not an image in a supported format");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = header(reader);
        if (pixels <= 0 || pixels > maxPixels) {
          throw Problems.badRequest(
              "the image has " + pixels + " pixels; at most " + maxPixels + " are accepted");
        }
        data(reader, pixels);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      // closing an in-memory stream does not fail
      throw Problems.badRequest("the image cannot be read: " + e.getMessage());
    }
  }

  private static long header(ImageReader reader) {
    try {
      return (long) reader.getWidth(0) * reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw Problems.badRequest("the image header cannot be read: " + e.getMessage());
    }
  }

  private static void data(ImageReader reader, long pixels) {
    int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_CHECKED_PIXELS));
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceSubsampling(step, step, 0, 0);
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try {
      reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      throw Problems.badRequest("the image data is truncated or corrupt: " + cause(e));
    }
    if (!warnings.isEmpty()) {
      throw Problems.badRequest("the image data is truncated or corrupt: " + warnings.get(0));
    }
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + root.getClass().getSimpleName() + ")";
  }
}
