package io.coinfer.mahppo.ppo;

/**
 * Running mean and variance of a stream of numbers (Chan et al.'s parallel update), used to
 * normalise the critic's targets.
 *
 * @param count numbers seen (starts at a tiny epsilon so the first batch dominates)
 * @param mean their mean
 * @param variance their population variance
 */
public record RunningStats(double count, double mean, double variance) {

  /** No data yet: mean 0, variance 1. */
  public static RunningStats initial() {
    return new RunningStats(1e-4, 0, 1);
  }

  /** The statistics after also seeing {@code values}. */
  public RunningStats update(float[] values) {
    double m = 0;
    for (float v : values) {
      m += v;
    }
    m /= values.length;
    double var = 0;
    for (float v : values) {
      var += (v - m) * (v - m);
    }
    var /= values.length;
    double n = values.length;
    double total = count + n;
    double delta = m - mean;
    double newMean = mean + delta * n / total;
    double m2 = variance * count + var * n + delta * delta * count * n / total;
    return new RunningStats(total, newMean, m2 / total);
  }

  /** The standard deviation, floored at 1e-8. */
  public double std() {
    return Math.max(Math.sqrt(variance), 1e-8);
  }
}
