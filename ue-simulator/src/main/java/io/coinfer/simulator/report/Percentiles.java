package io.coinfer.simulator.report;

import java.util.Arrays;

/** Nearest-rank percentiles and means of samples. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * The nearest-rank percentile: the smallest sample with at least {@code fraction} of the samples
   * at or below it.
   *
   * @param samples the samples, any order (not modified)
   * @param fraction in (0, 1]
   * @return the percentile; NaN when there are no samples
   */
  public static double of(double[] samples, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    if (samples.length == 0) {
      return Double.NaN;
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  /**
   * @param samples the samples
   * @return their mean; NaN when there are none
   */
  public static double mean(double[] samples) {
    return samples.length == 0 ? Double.NaN : Arrays.stream(samples).sum() / samples.length;
  }
}
