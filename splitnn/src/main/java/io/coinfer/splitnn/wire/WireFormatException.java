package io.coinfer.splitnn.wire;

/**
 * A feature message that does not follow the wire format or does not match the receiver's codec.
 * {@link #reason()} tells which rule it broke, so services can count rejections by cause.
 */
public final class WireFormatException extends RuntimeException {

  /** The rule a message broke. */
  public enum Reason {
    /** The message ends before a field it announces. */
    TRUNCATED,
    /** The first four bytes are not {@code CFQF}. */
    BAD_MAGIC,
    /** The format version is not one this reader knows. */
    UNKNOWN_VERSION,
    /** An id is empty, too long or not valid UTF-8. */
    BAD_ID,
    /** The point is not in 1..4. */
    BAD_POINT,
    /** The codec version is not positive. */
    BAD_CODEC_VERSION,
    /** The shape has a wrong rank, a non-positive dimension or too many values. */
    BAD_SHAPE,
    /** Bits per value is not in 1..16. */
    BAD_BITS,
    /** Min or max is NaN or infinite. */
    NON_FINITE_RANGE,
    /** Min is greater than max. */
    INVERTED_RANGE,
    /** The packed length does not equal {@code ceil(values * bits / 8)}. */
    LENGTH_MISMATCH,
    /** The unused bits after the last value are not zero. */
    NONZERO_PADDING,
    /** Bytes follow the packed codes. */
    TRAILING_BYTES,
    /** The feature was made by another model or for another point than the receiver's codec. */
    MODEL_MISMATCH,
    /** The feature was encoded by another codec or codec version. */
    CODEC_MISMATCH,
    /** The code's shape differs from the receiver's codec. */
    SHAPE_MISMATCH,
    /** The bits per value differ from the receiver's codec. */
    BITS_MISMATCH
  }

  private final Reason reason;

  WireFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The rule the message broke. */
  public Reason reason() {
    return reason;
  }
}
