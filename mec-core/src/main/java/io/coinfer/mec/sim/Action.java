package io.coinfer.mec.sim;

/**
 * One UE's decision for a slot.
 *
 * @param point partition point 0..5 for the UE's next task (the task in flight keeps its own)
 * @param channel sub-channel 0..C-1 for the UE's next task
 * @param powerWatts transmit power in (0, pmax], applied at once, also to a transmission in flight
 */
public record Action(int point, int channel, double powerWatts) {

  /**
   * The power the published simulator uses for "about zero" (the test scenario's initial action,
   * and the lower clamp of MAHPPO's sampled power), in watts.
   */
  public static final double MIN_POWER_WATTS = 1e-10;

  /**
   * @param channel sub-channel
   * @return run the whole net on the UE (point 5); the power (1e-10 W) only matters for a
   *     transmission still in flight
   */
  public static Action local(int channel) {
    return new Action(io.coinfer.mec.profile.Net.LOCAL_POINT, channel, MIN_POWER_WATTS);
  }
}
