package io.coinfer.mahppo.train;

import io.coinfer.mec.profile.Net;

/**
 * How closely a policy's most likely actions (the ones it serves) reproduce a teacher's, counted
 * per UE and slot: the share of equal points, the share of equal sub-channels where the teacher
 * offloads (at the local point the sub-channel means nothing), and the mean distance in decades
 * between the two powers where the teacher offloads, {@code |log10(policy W / teacher W)|}.
 */
public final class CloneFidelity {

  private long decisions;
  private long samePoint;
  private long offloading;
  private long sameChannel;
  private double powerDecades;

  /**
   * Counts one UE's decision.
   *
   * @param point the policy's point
   * @param channel the policy's sub-channel
   * @param watts the policy's power, W
   * @param teacherPoint the teacher's point
   * @param teacherChannel the teacher's sub-channel
   * @param teacherWatts the teacher's power, W
   */
  public void add(
      int point,
      int channel,
      double watts,
      int teacherPoint,
      int teacherChannel,
      double teacherWatts) {
    decisions++;
    if (point == teacherPoint) {
      samePoint++;
    }
    if (teacherPoint != Net.LOCAL_POINT) {
      offloading++;
      if (channel == teacherChannel) {
        sameChannel++;
      }
      powerDecades += Math.abs(Math.log10(watts / teacherWatts));
    }
  }

  /** Forgets every decision counted. */
  public void clear() {
    decisions = 0;
    samePoint = 0;
    offloading = 0;
    sameChannel = 0;
    powerDecades = 0;
  }

  /** Share of decisions with the teacher's point, in [0, 1]; NaN before any. */
  public double pointAgreement() {
    return decisions == 0 ? Double.NaN : (double) samePoint / decisions;
  }

  /** Share of the teacher's offloading decisions with its sub-channel, in [0, 1]; NaN if none. */
  public double channelAgreement() {
    return offloading == 0 ? Double.NaN : (double) sameChannel / offloading;
  }

  /**
   * Mean {@code |log10(policy W / teacher W)|} over the teacher's offloading decisions; NaN if
   * none.
   */
  public double powerDecades() {
    return offloading == 0 ? Double.NaN : powerDecades / offloading;
  }
}
