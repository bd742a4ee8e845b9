package io.coinfer.mec.schedule;

import io.coinfer.mec.sim.Action;
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
 * @param stream whether the UEs serve a stream of jobs rather than a batch (the platform's UEs), so
 *     that a plan made once for good is made for {@link #fullBatches()}, not for the few tasks
 *     queued now
 */
public record SchedulingContext(
    double[] state, List<UeContext> ues, ScenarioConfig config, int slot, boolean stream) {

  /** Numbers per UE in the global state. */
  private static final int STATE_PER_UE = 4;

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
    return of(ues, env.config(), env.slot());
  }

  /**
   * The context of UEs described one by one, with the global state they make, normalised as {@link
   * MecEnvironment#writeState} does: per UE, tasks left / total tasks, compute seconds left / the
   * net's full-local time, bits left / raw image bits, (d - dmin) / (dmax - dmin).
   *
   * @param ues one context per UE, in index order
   * @param config the system
   * @param slot slots already run
   * @return the context
   */
  public static SchedulingContext of(List<UeContext> ues, ScenarioConfig config, int slot) {
    double[] state = new double[STATE_PER_UE * ues.size()];
    double timeScale = config.fullLocalSeconds();
    double span = config.dmaxMeters() - config.dminMeters();
    for (int i = 0; i < ues.size(); i++) {
      UeContext ue = ues.get(i);
      int k = STATE_PER_UE * i;
      state[k] = (double) ue.tasksLeft() / ue.totalTasks();
      state[k + 1] = ue.computeSecondsLeft() / timeScale;
      state[k + 2] = ue.bitsLeft() / ScenarioConfig.RAW_IMAGE_BITS;
      state[k + 3] = (ue.distanceMeters() - config.dminMeters()) / span;
    }
    return new SchedulingContext(state, ues, config, slot, false);
  }

  /**
   * This context for UEs that serve a stream of jobs (the platform's). Such a UE reports one or two
   * queued jobs, or none: a plan made once for good from those queues is a plan for the last tasks
   * of an episode ({@code static-search}'s, at the platform's first slot, when every UE is idle and
   * counts one task, sent every job as the raw image at low power).
   *
   * @return the same context, marked as a stream
   */
  public SchedulingContext streaming() {
    return new SchedulingContext(state, ues, config, slot, true);
  }

  /**
   * The rest of the episode as a fresh setup (what a planner may simulate): the UEs where they are,
   * their tasks left as batches, the task in flight restarted with its own action.
   *
   * @return the setup
   */
  public EpisodeSetup remainingEpisode() {
    return episode(false);
  }

  /**
   * The UEs where they are, each with a full batch of {@code lambda} tasks (idle or not) started
   * with its current action: the test scenario's episode at their distances, a stream's steady
   * state.
   *
   * @return the setup
   */
  public EpisodeSetup fullBatches() {
    return episode(true);
  }

  private EpisodeSetup episode(boolean fullBatches) {
    int n = ues.size();
    double[] distances = new double[n];
    int[] tasks = new int[n];
    Action[] initial = new Action[n];
    for (int i = 0; i < n; i++) {
      UeContext ue = ues.get(i);
      distances[i] = ue.distanceMeters();
      tasks[i] = fullBatches ? config.lambda() : Math.max(1, ue.tasksLeft());
      initial[i] = ue.current();
    }
    return new EpisodeSetup(distances, tasks, initial);
  }
}
