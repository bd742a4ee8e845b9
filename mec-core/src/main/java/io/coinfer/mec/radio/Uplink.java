package io.coinfer.mec.radio;

/**
 * The shared uplink of the paper: {@code C} sub-channels of bandwidth {@code W}; a UE transmitting
 * on a sub-channel gets the Shannon rate against the noise plus the received power of every other
 * UE transmitting on the same sub-channel at that instant.
 *
 * <p>{@code rate_i = W log2(1 + (p_i d_i^-alpha) / (noise + sum_{j != i, c_j = c_i, j transmits}
 * p_j d_j^-alpha))}.
 *
 * <p>Stateless and thread-safe; the array methods allocate nothing.
 *
 * @param bandwidthHz the bandwidth of one sub-channel, in Hz (paper: 1 MHz)
 * @param pathLossExponent alpha (paper: 3)
 * @param noiseWatts the noise power, in watts (paper: 1e-9 W)
 */
public record Uplink(double bandwidthHz, double pathLossExponent, double noiseWatts) {

  private static final double LN2 = Math.log(2.0);

  /** Validates the parameters. */
  public Uplink {
    if (!(bandwidthHz > 0) || Double.isInfinite(bandwidthHz)) {
      throw new IllegalArgumentException("bandwidth must be > 0 Hz, got " + bandwidthHz);
    }
    if (!(pathLossExponent > 0) || Double.isInfinite(pathLossExponent)) {
      throw new IllegalArgumentException("path-loss exponent must be > 0, got " + pathLossExponent);
    }
    if (!(noiseWatts > 0) || Double.isInfinite(noiseWatts)) {
      throw new IllegalArgumentException("noise must be > 0 W, got " + noiseWatts);
    }
  }

  /**
   * @param powerWatts transmit power
   * @param distanceMeters distance to the edge server
   * @return the received power {@code p d^-alpha}, in watts
   */
  public double receivedWatts(double powerWatts, double distanceMeters) {
    return powerWatts / Math.pow(distanceMeters, pathLossExponent);
  }

  /**
   * @param signalWatts received power of the UE
   * @param interferenceWatts summed received power of the other UEs on the sub-channel
   * @return the Shannon rate, in bits per second
   */
  public double rate(double signalWatts, double interferenceWatts) {
    return bandwidthHz * (Math.log(1.0 + signalWatts / (interferenceWatts + noiseWatts)) / LN2);
  }

  /**
   * The rate of one UE given who transmits where.
   *
   * @param ue the UE asked about (its own {@code transmitting} flag is ignored)
   * @param powersWatts transmit power of every UE
   * @param distancesMeters distance of every UE
   * @param channels sub-channel of every UE
   * @param transmitting which UEs are transmitting at this instant
   * @return the rate of {@code ue}, in bits per second
   */
  public double rate(
      int ue,
      double[] powersWatts,
      double[] distancesMeters,
      int[] channels,
      boolean[] transmitting) {
    double interference = 0;
    for (int j = 0; j < powersWatts.length; j++) {
      if (j != ue && transmitting[j] && channels[j] == channels[ue]) {
        interference += receivedWatts(powersWatts[j], distancesMeters[j]);
      }
    }
    return rate(receivedWatts(powersWatts[ue], distancesMeters[ue]), interference);
  }

  /**
   * The rates of all transmitting UEs at once, in O(UEs + channels), without allocating.
   *
   * @param receivedWatts received power of every UE ({@link #receivedWatts})
   * @param channels sub-channel of every UE
   * @param transmitting which UEs are transmitting
   * @param channelScratch a caller-owned array of at least {@code C} entries (overwritten)
   * @param ratesOut receives the rate of every transmitting UE, in bits per second (entries of
   *     silent UEs are left untouched)
   */
  public void rates(
      double[] receivedWatts,
      int[] channels,
      boolean[] transmitting,
      double[] channelScratch,
      double[] ratesOut) {
    java.util.Arrays.fill(channelScratch, 0.0);
    for (int i = 0; i < receivedWatts.length; i++) {
      if (transmitting[i]) {
        channelScratch[channels[i]] += receivedWatts[i];
      }
    }
    for (int i = 0; i < receivedWatts.length; i++) {
      if (transmitting[i]) {
        double own = receivedWatts[i];
        ratesOut[i] = rate(own, channelScratch[channels[i]] - own);
      }
    }
  }
}
