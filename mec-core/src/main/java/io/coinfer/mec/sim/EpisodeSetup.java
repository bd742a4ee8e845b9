package io.coinfer.mec.sim;

/**
 * The start of an episode: where the UEs are, how many tasks each holds and the action their first
 * task runs with.
 *
 * @param distancesMeters distance of every UE to the edge server, in meters
 * @param tasks batch size of every UE, >= 1
 * @param initialActions the action of every UE's first task
 */
public record EpisodeSetup(double[] distancesMeters, int[] tasks, Action[] initialActions) {

  /** Checks that the three arrays have one entry per UE and copies them. */
  public EpisodeSetup {
    if (distancesMeters.length != tasks.length || tasks.length != initialActions.length) {
      throw new IllegalArgumentException(
          "episode setup arrays differ in length: "
              + distancesMeters.length
              + " distances, "
              + tasks.length
              + " batches, "
              + initialActions.length
              + " initial actions");
    }
    distancesMeters = distancesMeters.clone();
    tasks = tasks.clone();
    initialActions = initialActions.clone();
  }

  /**
   * @return number of UEs
   */
  public int ues() {
    return tasks.length;
  }

  /**
   * @return the total number of tasks over all UEs
   */
  public int totalTasks() {
    int total = 0;
    for (int t : tasks) {
      total += t;
    }
    return total;
  }
}
