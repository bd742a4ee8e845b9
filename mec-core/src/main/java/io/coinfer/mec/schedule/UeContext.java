package io.coinfer.mec.schedule;

import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.Phase;

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
   * @return whether the UE still has work (it needs no decision otherwise)
   */
  public boolean active() {
    return phase != Phase.IDLE;
  }
}
