package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.profile.PointProfile;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.Phase;
import io.coinfer.mec.sim.ScenarioConfig;

/**
 * What a scheduler knows about one UE at a slot start.
 *
 * @param index the UE's index, 0..N-1
 * @param distanceMeters distance to the edge server, in meters
 * @param tasksLeft tasks not finished yet (the task in flight included)
 * @param totalTasks the batch size at episode start
 * @param phase what the UE is doing now
 * @param current the point and sub-channel of the task in flight, and the current power
 * @param pending the point and sub-channel the next task will use (the last decision)
 * @param computeSecondsLeft compute time left in the current compute phase, in seconds
 * @param bitsLeft bits of the current task still to send
 */
public record UeContext(
    int index,
    double distanceMeters,
    int tasksLeft,
    int totalTasks,
    Phase phase,
    Action current,
    Action pending,
    double computeSecondsLeft,
    double bitsLeft) {

  /**
   * A UE about to start its next task under the action it holds, as every UE is at an episode
   * start: computing the head to the action's point, or sending the raw image at point 0; idle with
   * no task left. What a platform can say of a UE whose queue it knows but not the progress of the
   * task in flight.
   *
   * @param index the UE's index, 0..N-1
   * @param distanceMeters distance to the edge server, in meters
   * @param tasksLeft tasks waiting, the next one included (&ge; 0)
   * @param totalTasks the scale of {@code tasksLeft} (&ge; 1)
   * @param action the action the next task starts under
   * @param config the system (its net and device profile give the head's time and payload)
   * @return the context
   */
  public static UeContext atTaskStart(
      int index,
      double distanceMeters,
      int tasksLeft,
      int totalTasks,
      Action action,
      ScenarioConfig config) {
    if (tasksLeft == 0) {
      return new UeContext(index, distanceMeters, 0, totalTasks, Phase.IDLE, action, action, 0, 0);
    }
    PointProfile point = config.profile().point(config.net(), action.point());
    return new UeContext(
        index,
        distanceMeters,
        tasksLeft,
        totalTasks,
        action.point() == Net.EDGE_POINT ? Phase.TRANSMIT : Phase.COMPUTE,
        action,
        action,
        point.headSeconds(),
        point.payloadBits());
  }

  /**
   * @return whether the UE still has work (it needs no decision otherwise)
   */
  public boolean active() {
    return phase != Phase.IDLE;
  }
}
