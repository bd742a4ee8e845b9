package io.coinfer.mec.schedule;

/** The transmit powers the search baselines consider: pmax times 1, 1/2, 1/5, ..., 1/100. */
final class PowerGrid {

  private static final double[] FRACTIONS = {1.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01};

  private PowerGrid() {}

  /**
   * @param pmaxWatts the largest power
   * @return the grid, largest first, in watts
   */
  static double[] levels(double pmaxWatts) {
    double[] levels = new double[FRACTIONS.length];
    for (int k = 0; k < levels.length; k++) {
      levels[k] = FRACTIONS[k] * pmaxWatts;
    }
    return levels;
  }
}
