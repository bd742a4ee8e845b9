package io.coinfer.mec.sim;

import java.util.SplittableRandom;

/** Seeds of the members of a seeded family (the episodes of a run, the sampled runs of a plan). */
public final class Seeds {

  /** {@link SplittableRandom}'s own seed increment (its "golden gamma"). */
  private static final long GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * The seed of member {@code index} of the family seeded with {@code seed}: {@code seed + G
   * index}, mixed. Unmixed, member {@code index + 1} would replay member {@code index}'s draws
   * shifted by one, since {@code new SplittableRandom(x + G)} is {@code new SplittableRandom(x)}
   * after one draw ({@code G} is its seed increment); random-positions episodes seeded so shared
   * four of their five distances with the next episode.
   *
   * @param seed the family's seed
   * @param index the member, from 0
   * @return the member's seed
   */
  public static long derive(long seed, long index) {
    return new SplittableRandom(seed + GAMMA * index).nextLong();
  }
}
