package io.coinfer.gateway.job;

import io.coinfer.contracts.web.Problems;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks that a body is an image of an accepted size by reading only its header, so that a
 * decompression bomb is refused before anything decodes its pixels.
 */
final class ImageCheck {

  private ImageCheck() {}

  /**
   * Checks an image.
   *
   * @param bytes the encoded image
   * @param maxPixels the largest width x height accepted
   * @throws org.springframework.web.ErrorResponseException 400 if it is not a readable image or
   *     larger than {@code maxPixels}
   */
  static void check(byte[] bytes, long maxPixels) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw Problems.badRequest("the body is not an image in a supported format");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > maxPixels) {
          throw Problems.badRequest(
              "the image has " + pixels + " pixels; at most " + maxPixels + " are accepted");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw Problems.badRequest("the image header cannot be read: " + e.getMessage());
    }
  }
}
