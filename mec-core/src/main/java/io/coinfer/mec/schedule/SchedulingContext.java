package io.coinfer.mec.schedule;

import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a scheduler sees at a slot start.
 *
 * @param state the global normalised state, 4 numbers per UE (as the MDP gives it)
 * @param ues one context per UE, in index order
 * @param config the system
 * @param slot slots already run in this episode (0 at the first decision)
 */
public record SchedulingContext(
    double[] state, List<UeContext> ues, ScenarioConfig config, int slot) {

  /** Copies the list. */
  public SchedulingContext {
    ues = List.copyOf(ues);
  }

  /**
   * Reads the context of the environment's current slot start.
   *
   * @param env the environment
   * @return the context
   */
  public static SchedulingContext of(MecEnvironment env) {
    double[] state = new double[env.stateSize()];
    env.writeState(state);
    List<UeContext> ues = new ArrayList<>(env.ues());
    for (int i = 0; i < env.ues(); i++) {
      ues.add(
          new UeContext(
              i,
              env.distance(i),
              env.tasksLeft(i),
              env.totalTasks(i),
              env.phase(i),
              env.currentAction(i),
              env.pendingAction(i),
              env.computeSecondsLeft(i),
              env.bitsLeft(i)));
    }
    return new SchedulingContext(state, ues, env.config(), env.slot());
  }

  /**
   * The rest of the episode as a fresh setup (what a planner may simulate): the UEs where they are,
   * their tasks left as batches, the task in flight restarted with its own action.
   *
   * @return the setup
   */
  public EpisodeSetup remainingEpisode() {
    int n = ues.size();
    double[] distances = new double[n];
    int[] tasks = new int[n];
    io.coinfer.mec.sim.Action[] initial = new io.coinfer.mec.sim.Action[n];
    for (int i = 0; i < n; i++) {
      UeContext ue = ues.get(i);
      distances[i] = ue.distanceMeters();
      tasks[i] = Math.max(1, ue.tasksLeft());
      initial[i] = ue.current();
    }
    return new EpisodeSetup(distances, tasks, initial);
  }
}
