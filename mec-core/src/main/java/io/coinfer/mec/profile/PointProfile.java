package io.coinfer.mec.profile;

import java.util.OptionalDouble;

/**
 * What it costs to cut one net at one partition point on one device.
 *
 * @param point the partition point, 0..5
 * @param featureBits the uncompressed fp32 feature size in bits at this point (0 at point 5; the
 *     8-bit raw image, 1,204,224 bits, at point 0)
 * @param compressionRate how much the autoencoder plus quantiser shrink the feature (1 at points 0
 *     and 5); the sent payload is {@code featureBits / compressionRate}
 * @param headSeconds UE compute time to reach the point (head plus encoder), in seconds
 * @param headWatts UE power drawn while computing, in watts
 * @param headJoules UE energy of the head as measured (informational: the simulator, like the
 *     published one, charges {@code headWatts} x compute time)
 * @param edgeTailSeconds the edge server's time for decoder plus tail at this point, in seconds,
 *     when the profile has it (used only by the edge-compute option)
 */
public record PointProfile(
    int point,
    long featureBits,
    double compressionRate,
    double headSeconds,
    double headWatts,
    double headJoules,
    OptionalDouble edgeTailSeconds) {

  /** Validates ranges; the messages name the point. */
  public PointProfile {
    if (point < 0 || point >= Net.POINTS) {
      throw new IllegalArgumentException("point " + point + " is outside 0.." + (Net.POINTS - 1));
    }
    requireNonNegative(featureBits, "feature_bits", point);
    if (!(compressionRate >= 1) || Double.isInfinite(compressionRate)) {
      throw new IllegalArgumentException(
          "point "
              + point
              + ": compression_rate must be a finite number >= 1, got "
              + compressionRate);
    }
    requireNonNegative(headSeconds, "head_seconds", point);
    requireNonNegative(headWatts, "head_watts", point);
    requireNonNegative(headJoules, "head_joules", point);
    if (edgeTailSeconds == null) {
      edgeTailSeconds = OptionalDouble.empty();
    }
    if (edgeTailSeconds.isPresent()) {
      requireNonNegative(edgeTailSeconds.getAsDouble(), "edge_tail_seconds", point);
    }
  }

  /**
   * @return the bits the UE sends at this point, {@code featureBits / compressionRate} rounded to
   *     the nearest integer (ties to even, as the published simulator does)
   */
  public long payloadBits() {
    return (long) Math.rint(featureBits / compressionRate);
  }

  private static void requireNonNegative(double value, String column, int point) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "point " + point + ": " + column + " must be a finite number >= 0, got " + value);
    }
  }
}
