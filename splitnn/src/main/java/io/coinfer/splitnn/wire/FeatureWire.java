package io.coinfer.splitnn.wire;

import io.coinfer.splitnn.wire.WireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The versioned binary wire format of a {@link QuantisedFeature}, and its strict reader.
 *
 * <p>Format version 1, all integers big-endian:
 *
 * <pre>
 * bytes  field
 * 4      magic "CFQF"
 * 2      format version (1)
 * 2+n    model id: length n (1..255) then UTF-8 bytes
 * 1      point (1..4)
 * 2+n    codec id: length n (1..255) then UTF-8 bytes
 * 4      codec version (at least 1)
 * 1      rank of the code shape (3)
 * 4*rank dimensions C, H, W (each at least 1, at most 2^26 values in all)
 * 1      bits per value (1..16)
 * 4      min (IEEE 754 float, finite)
 * 4      max (IEEE 754 float, finite, at least min)
 * 4      packed length p, which must equal ceil(C*H*W*bits/8)
 * p      packed codes, most significant bit first; unused bits of the last byte are zero
 * </pre>
 *
 * <p>Nothing may follow the packed codes. The header overhead is {@code 36 + |modelId| + |codecId|}
 * bytes.
 */
public final class FeatureWire {

  /** The four magic bytes, ASCII {@code CFQF} (coinfer quantised feature). */
  public static final byte[] MAGIC = {'C', 'F', 'Q', 'F'};

  /** The format version this class writes and the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  /** Largest number of values a code may hold (2^26). */
  public static final long MAX_VALUES = 1L << 26;

  private static final int MAX_ID_BYTES = 255;
  private static final int RANK = 3;

  private FeatureWire() {}

  /**
   * Serialises a feature.
   *
   * @throws IllegalArgumentException when the feature cannot be represented (ids too long, wrong
   *     packed length)
   */
  public static byte[] write(QuantisedFeature f) {
    checkWritable(f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + f.payloadBytes());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeShort(FORMAT_VERSION);
      writeId(out, f.modelId());
      out.writeByte(f.point());
      writeId(out, f.codecId());
      out.writeInt(f.codecVersion());
      int[] shape = f.shape();
      out.writeByte(shape.length);
      for (int d : shape) {
        out.writeInt(d);
      }
      out.writeByte(f.bits());
      out.writeFloat(f.min());
      out.writeFloat(f.max());
      out.writeInt(f.payloadBytes());
      out.write(f.packed());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads and validates a message on its own (structure, ranges, lengths).
   *
   * @throws WireFormatException naming the first rule the message breaks
   */
  public static QuantisedFeature read(byte[] message) {
    ByteBuffer in = ByteBuffer.wrap(message);
    try {
      return parse(in);
    } catch (BufferUnderflowException e) {
      throw fail(
          Reason.TRUNCATED,
          "feature message truncated: " + message.length + " bytes end inside the header");
    }
  }

  /**
   * Reads a message and checks that it matches the receiver's codec.
   *
   * @throws WireFormatException naming the first rule the message breaks or the first field that
   *     differs from {@code expected}
   */
  public static QuantisedFeature read(byte[] message, CodecDescriptor expected) {
    QuantisedFeature f = read(message);
    if (!f.modelId().equals(expected.modelId()) || f.point() != expected.point()) {
      throw fail(
          Reason.MODEL_MISMATCH,
          "feature is from model "
              + f.modelId()
              + " point "
              + f.point()
              + " but this codec serves "
              + expected.modelId()
              + " point "
              + expected.point());
    }
    if (!f.codecId().equals(expected.codecId()) || f.codecVersion() != expected.codecVersion()) {
      throw fail(
          Reason.CODEC_MISMATCH,
          "feature was encoded by codec "
              + f.codecId()
              + " v"
              + f.codecVersion()
              + " but the receiver holds "
              + expected.codecId()
              + " v"
              + expected.codecVersion());
    }
    if (!Arrays.equals(f.shape(), expected.codeShape())) {
      throw fail(
          Reason.SHAPE_MISMATCH,
          "feature code shape "
              + Arrays.toString(f.shape())
              + " does not match the codec's "
              + Arrays.toString(expected.codeShape()));
    }
    if (f.bits() != expected.bits()) {
      throw fail(
          Reason.BITS_MISMATCH,
          "feature has " + f.bits() + " bits per value but the codec uses " + expected.bits());
    }
    return f;
  }

  private static QuantisedFeature parse(ByteBuffer in) {
    byte[] magic = new byte[MAGIC.length];
    in.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw fail(Reason.BAD_MAGIC, "not a coinfer feature: magic is not CFQF");
    }
    int version = Short.toUnsignedInt(in.getShort());
    if (version != FORMAT_VERSION) {
      throw fail(
          Reason.UNKNOWN_VERSION,
          "unknown feature format version " + version + "; this reader knows " + FORMAT_VERSION);
    }
    String modelId = readId(in, "model id");
    int point = Byte.toUnsignedInt(in.get());
    if (point < 1 || point > 4) {
      throw fail(Reason.BAD_POINT, "feature point must be in 1..4, was " + point);
    }
    String codecId = readId(in, "codec id");
    int codecVersion = in.getInt();
    if (codecVersion < 1) {
      throw fail(Reason.BAD_CODEC_VERSION, "codec version must be at least 1, was " + codecVersion);
    }
    int rank = Byte.toUnsignedInt(in.get());
    if (rank != RANK) {
      throw fail(Reason.BAD_SHAPE, "code shape must have rank " + RANK + ", was " + rank);
    }
    int[] shape = new int[rank];
    long count = 1;
    for (int i = 0; i < rank; i++) {
      shape[i] = in.getInt();
      if (shape[i] < 1) {
        throw fail(Reason.BAD_SHAPE, "code dimension " + i + " must be positive, was " + shape[i]);
      }
      count *= shape[i];
      if (count > MAX_VALUES) {
        throw fail(Reason.BAD_SHAPE, "code shape holds more than " + MAX_VALUES + " values");
      }
    }
    int bits = Byte.toUnsignedInt(in.get());
    if (bits < 1 || bits > Quantiser.MAX_BITS) {
      throw fail(Reason.BAD_BITS, "bits per value must be in 1..16, was " + bits);
    }
    float min = in.getFloat();
    float max = in.getFloat();
    if (!Float.isFinite(min) || !Float.isFinite(max)) {
      throw fail(
          Reason.NON_FINITE_RANGE,
          "quantisation range must be finite, was [" + min + ", " + max + "]");
    }
    if (min > max) {
      throw fail(Reason.INVERTED_RANGE, "quantisation min " + min + " exceeds max " + max);
    }
    int declared = in.getInt();
    int expected = Quantiser.packedLength(count, bits);
    if (declared != expected) {
      throw fail(
          Reason.LENGTH_MISMATCH,
          "packed length "
              + Integer.toUnsignedString(declared)
              + " does not match "
              + count
              + " values of "
              + bits
              + " bits ("
              + expected
              + " bytes)");
    }
    if (in.remaining() < expected) {
      throw fail(
          Reason.TRUNCATED,
          "feature message truncated: " + in.remaining() + " of " + expected + " code bytes");
    }
    byte[] packed = new byte[expected];
    in.get(packed);
    if (in.hasRemaining()) {
      throw fail(
          Reason.TRAILING_BYTES, in.remaining() + " unexpected bytes after the packed codes");
    }
    int usedBits = (int) ((count * bits) % 8);
    if (usedBits != 0 && (packed[expected - 1] & (0xFF >>> usedBits)) != 0) {
      throw fail(Reason.NONZERO_PADDING, "padding bits after the last code value are not zero");
    }
    return new QuantisedFeature(
        modelId, point, codecId, codecVersion, shape, bits, min, max, packed);
  }

  private static String readId(ByteBuffer in, String what) {
    int length = Short.toUnsignedInt(in.getShort());
    if (length < 1 || length > MAX_ID_BYTES) {
      throw fail(Reason.BAD_ID, what + " must have 1.." + MAX_ID_BYTES + " bytes, had " + length);
    }
    if (in.remaining() < length) {
      throw fail(Reason.TRUNCATED, "feature message truncated inside the " + what);
    }
    ByteBuffer raw = in.slice(in.position(), length);
    in.position(in.position() + length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(raw)
          .toString();
    } catch (CharacterCodingException e) {
      throw fail(Reason.BAD_ID, what + " is not valid UTF-8");
    }
  }

  private static void writeId(DataOutputStream out, String id) throws IOException {
    byte[] raw = id.getBytes(StandardCharsets.UTF_8);
    out.writeShort(raw.length);
    out.write(raw);
  }

  private static void checkWritable(QuantisedFeature f) {
    for (String id : new String[] {f.modelId(), f.codecId()}) {
      int n = id.getBytes(StandardCharsets.UTF_8).length;
      if (n < 1 || n > MAX_ID_BYTES) {
        throw new IllegalArgumentException("ids must have 1..255 UTF-8 bytes: '" + id + "'");
      }
    }
    Quantiser.checkBits(f.bits());
    if (f.shape().length != RANK) {
      throw new IllegalArgumentException("code shape must have rank 3");
    }
    if (f.payloadBytes() != Quantiser.packedLength(f.valueCount(), f.bits())) {
      throw new IllegalArgumentException("packed length does not match shape and bits");
    }
  }

  private static WireFormatException fail(Reason reason, String message) {
    return new WireFormatException(reason, message);
  }
}
