package io.coinfer.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class ImageCheckTest {

  private static final long MAX_PIXELS = 4096L * 4096;

  @Test
  void shouldAcceptWholePngAndJpegImages() {
    assertThatCode(() -> ImageCheck.check(encode(noise(32, 32), "png"), MAX_PIXELS))
        .doesNotThrowAnyException();
    assertThatCode(() -> ImageCheck.check(encode(noise(300, 200), "jpg"), MAX_PIXELS))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAPngBombFromItsHeaderAlone() {
    // Given a 110-byte PNG that declares 100000 x 100000 RGB pixels (30 GB decoded)
    byte[] bomb = png(100_000, 100_000, new byte[64]);
    assertThat(bomb.length).isLessThan(1024);

    // When / Then it is refused from its header, before any pixel is decoded
    assertBadRequest(bomb, "the image has 10000000000 pixels; at most 16777216 are accepted");
  }

  @Test
  void shouldRefuseAJpegBombFromItsHeaderAlone() {
    // Given a small JPEG whose frame header is patched to declare 65000 x 65000 pixels
    byte[] jpeg = encode(noise(16, 16), "jpg");
    int sof = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
    jpeg[sof + 5] = (byte) (65_000 >> 8);
    jpeg[sof + 6] = (byte) (65_000 & 0xFF);
    jpeg[sof + 7] = (byte) (65_000 >> 8);
    jpeg[sof + 8] = (byte) (65_000 & 0xFF);

    // When / Then it is refused from its header
    assertBadRequest(jpeg, "the image has 4225000000 pixels; at most 16777216 are accepted");
  }

  @Test
  void shouldRefuseAnImageOneRowAboveTheLimit() {
    // Given a PNG header of 4096 x 4097 pixels, one row over the 4096^2 limit
    assertBadRequest(
        png(4096, 4097, new byte[8]),
        "the image has 16781312 pixels; at most 16777216 are accepted");
  }

  @Test
  void shouldRefuseATruncatedPng() {
    // Given the first half of a 64 x 64 PNG (its header whole, its data cut)
    byte[] whole = encode(noise(64, 64), "png");
    byte[] half = Arrays.copyOf(whole, whole.length / 2);

    // When / Then the data check refuses it
    assertBadRequest(
        half,
        "the image data is truncated or corrupt: Error reading PNG image data (EOFException)");
  }

  @Test
  void shouldRefuseATruncatedJpegThatImageIoWouldPadWithGrey() throws IOException {
    // Given the first half of a 64 x 64 JPEG (ImageIO.read decodes it with a warning only)
    byte[] whole = encode(noise(64, 64), "jpg");
    byte[] half = Arrays.copyOf(whole, whole.length / 2);
    assertThat(ImageIO.read(new ByteArrayInputStream(half))).isNotNull();

    // When / Then the data check refuses it, naming the decoder's warning
    assertBadRequest(
        half, "the image data is truncated or corrupt: Truncated File - Missing EOI marker");
  }

  @Test
  void shouldRefuseAPngCutInsideItsHeader() {
    byte[] whole = encode(noise(8, 8), "png");
    assertBadRequest(
        Arrays.copyOf(whole, 20), "the image header cannot be read: I/O error reading PNG header!");
  }

  @Test
  void shouldRefuseBytesThatAreNoImage() {
    assertBadRequest(
        "not a png".getBytes(StandardCharsets.UTF_8),
        "the body is not an image in a supported format");
    assertBadRequest(new byte[0], "the body is not an image in a supported format");
    assertBadRequest(
        "{\"image\":\"x\"}".getBytes(StandardCharsets.UTF_8),
        "the body is not an image in a supported format");
  }

  private static void assertBadRequest(byte[] body, String detail) {
    assertThatThrownBy(() -> ImageCheck.check(body, MAX_PIXELS))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(400);
              assertThat(e.getBody().getType())
                  .isEqualTo(URI.create("https://coinfer.io/problems/bad-request"));
              assertThat(e.getBody().getDetail()).isEqualTo(detail);
            });
  }

  private static BufferedImage noise(int width, int height) {
    Random random = new Random(width * 31L + height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG with an 8-bit RGB header of the given size and one IDAT of deflated {@code raw}. */
  private static byte[] png(int width, int height, byte[] raw) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {8, 2, 0, 0, 0});
      chunk(out, "IHDR", ihdr.toByteArray());
      Deflater deflater = new Deflater();
      deflater.setInput(raw);
      deflater.finish();
      byte[] deflated = new byte[256];
      chunk(out, "IDAT", Arrays.copyOf(deflated, deflater.deflate(deflated)));
      chunk(out, "IEND", new byte[0]);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("marker not found");
  }
}
