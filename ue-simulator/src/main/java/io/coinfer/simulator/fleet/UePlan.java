package io.coinfer.simulator.fleet;

/**
 * One simulated UE's part of a {@link FleetPlan}.
 *
 * @param index the UE's index in the fleet, from 0
 * @param distanceM its distance to the edge server, metres
 * @param arrivalsS the arrival times of its jobs, seconds from the start of the run, ascending
 * @param imageSeed the seed of its choice of images
 */
public record UePlan(int index, double distanceM, double[] arrivalsS, long imageSeed) {

  /** Copies the arrival times. */
  public UePlan {
    arrivalsS = arrivalsS.clone();
  }

  @Override
  public double[] arrivalsS() {
    return arrivalsS.clone();
  }
}
