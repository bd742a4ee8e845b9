package io.coinfer.mahppo.policy;

import java.util.random.RandomGenerator;

/** Drawing and scoring actions from the actor's distributions (shared by training and serving). */
public final class Sampling {

  private Sampling() {}

  /** Draws an index from log-probabilities. */
  public static int sample(float[] logp, RandomGenerator random) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < logp.length; i++) {
      cumulative += Math.exp(logp[i]);
      if (u < cumulative) {
        return i;
      }
    }
    return logp.length - 1;
  }

  /** The most likely index (the first of ties). */
  public static int argmax(float[] logp) {
    int best = 0;
    for (int i = 1; i < logp.length; i++) {
      if (logp[i] > logp[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The log-density of {@code N(mean, std)} at {@code x}. */
  public static float gaussianLogProb(double x, double mean, double std) {
    double z = (x - mean) / std;
    return (float) (-0.5 * z * z - Math.log(std) - 0.5 * Math.log(2 * Math.PI));
  }
}
