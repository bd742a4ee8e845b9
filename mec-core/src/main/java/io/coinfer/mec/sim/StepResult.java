package io.coinfer.mec.sim;

/**
 * What one slot did.
 *
 * @param state the normalised state after the slot, 4 numbers per UE
 * @param reward the paper's reward of the slot
 * @param done whether every UE has finished (and, with edge compute, the edge is idle)
 * @param slotSeconds the slot length T, in seconds
 * @param finishedPerUe tasks completed per UE in this slot
 * @param energyPerUe UE energy spent per UE in this slot, in joules
 */
public record StepResult(
    double[] state,
    double reward,
    boolean done,
    double slotSeconds,
    int[] finishedPerUe,
    double[] energyPerUe) {

  /**
   * @return tasks completed over all UEs in this slot
   */
  public int finished() {
    int total = 0;
    for (int f : finishedPerUe) {
      total += f;
    }
    return total;
  }

  /**
   * @return energy spent over all UEs in this slot, in joules
   */
  public double energyJoules() {
    double total = 0;
    for (double e : energyPerUe) {
      total += e;
    }
    return total;
  }
}
