package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The strongest non-learning baseline: the best static per-UE assignment of (point, sub-channel,
 * power), found by simulating the episode itself.
 *
 * <p>At the first decision of an episode it reads the episode from the context (distances, batches,
 * the actions in flight; for UEs that serve a {@link SchedulingContext#stream}, a full batch each),
 * then minimises the episode objective {@code latency per task per device + beta x energy per task
 * per device} (the paper's evaluation metrics) over static assignments, each candidate scored by
 * running the real simulator to the end:
 *
 * <ol>
 *   <li>score every uniform assignment (every UE the same point and power, UE i on sub-channel i
 *       mod C), which covers the {@code local}, {@code edge} and {@code fixed} baselines, so the
 *       result is never worse than any of them;
 *   <li>from each of the {@value #STARTS} best uniform assignments, coordinate descent: for each UE
 *       in turn try every point x sub-channel x power of the grid pmax x {1, 1/2, 1/5, 1/10, 1/20,
 *       1/50, 1/100} with the others fixed and keep the best; repeat until a round improves nothing
 *       or {@value #MAX_ROUNDS} rounds; keep the best end point.
 * </ol>
 *
 * Candidates are abandoned as soon as their lower bound ({@code T N slots / tasks + beta energy /
 * tasks}) passes the best objective so far, which keeps the search to about a second per episode.
 */
public final class StaticSearchScheduler implements Scheduler {

  /** The bound on coordinate-descent rounds. */
  public static final int MAX_ROUNDS = 4;

  /** Coordinate descent runs from this many of the best uniform assignments. */
  public static final int STARTS = 3;

  /** Candidates running longer than this many slots are abandoned. */
  static final int SLOT_LIMIT = 100_000;

  private final ScenarioConfig cfg;
  private final double[] powers;
  private final MecEnvironment sim;
  private final double[] state;
  private Action[] plan;
  private double planObjective = Double.NaN;

  /**
   * @param cfg the system
   */
  public StaticSearchScheduler(ScenarioConfig cfg) {
    this.cfg = cfg;
    this.powers = PowerGrid.levels(cfg.pmaxWatts());
    this.sim = new MecEnvironment(cfg, Scenario.TEST);
    this.state = new double[sim.stateSize()];
  }

  @Override
  public String id() {
    return "static-search";
  }

  @Override
  public void reset(long seed) {
    plan = null;
  }

  @Override
  public Action[] decide(SchedulingContext ctx) {
    if (plan == null || plan.length != ctx.ues().size()) {
      plan = search(ctx.stream() ? ctx.fullBatches() : ctx.remainingEpisode());
    }
    return plan.clone();
  }

  /**
   * @return the objective of the current plan (latency + beta x energy per task per device), NaN
   *     before the first decision
   */
  public double planObjective() {
    return planObjective;
  }

  /**
   * Finds the best static assignment for an episode.
   *
   * @param setup the episode
   * @return one action per UE
   */
  Action[] search(EpisodeSetup setup) {
    int n = setup.ues();
    int[] roundRobin = new int[n];
    for (int i = 0; i < n; i++) {
      roundRobin[i] = i % cfg.channels();
    }
    List<double[]> uniform = new ArrayList<>();
    for (int k = 0; k < Net.POINTS; k++) {
      for (double p : powersFor(k)) {
        int[] points = new int[n];
        double[] watts = new double[n];
        Arrays.fill(points, k);
        Arrays.fill(watts, p);
        double bound =
            uniform.size() < STARTS ? Double.POSITIVE_INFINITY : uniform.get(STARTS - 1)[0];
        double objective = objective(setup, points, roundRobin, watts, bound);
        uniform.add(new double[] {objective, k, p});
        uniform.sort(Comparator.comparingDouble(u -> u[0]));
      }
    }
    double best = Double.POSITIVE_INFINITY;
    Action[] result = null;
    for (int start = 0; start < Math.min(STARTS, uniform.size()); start++) {
      double[] u = uniform.get(start);
      int[] points = new int[n];
      int[] channels = roundRobin.clone();
      double[] watts = new double[n];
      Arrays.fill(points, (int) u[1]);
      Arrays.fill(watts, u[2]);
      double objective = descend(setup, points, channels, watts, u[0]);
      if (objective < best) {
        best = objective;
        result = new Action[n];
        for (int i = 0; i < n; i++) {
          result[i] = new Action(points[i], channels[i], watts[i]);
        }
      }
    }
    planObjective = best;
    return result;
  }

  /**
   * Coordinate descent from a start: each UE in turn moves to its best (point, sub-channel, power)
   * with the others fixed, until a round improves nothing or {@value #MAX_ROUNDS} rounds.
   *
   * @return the objective reached; the arrays hold the assignment
   */
  private double descend(
      EpisodeSetup setup, int[] points, int[] channels, double[] watts, double startObjective) {
    double best = startObjective;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean improved = false;
      for (int i = 0; i < points.length; i++) {
        int keepPoint = points[i];
        int keepChannel = channels[i];
        double keepPower = watts[i];
        for (int k = 0; k < Net.POINTS; k++) {
          for (int ch = 0; ch < cfg.channels(); ch++) {
            for (double p : powersFor(k)) {
              if (k == keepPoint && ch == keepChannel && p == keepPower) {
                continue;
              }
              points[i] = k;
              channels[i] = ch;
              watts[i] = p;
              double objective = objective(setup, points, channels, watts, best);
              if (objective < best * (1 - 1e-9)) {
                best = objective;
                keepPoint = k;
                keepChannel = ch;
                keepPower = p;
                improved = true;
              }
            }
          }
        }
        points[i] = keepPoint;
        channels[i] = keepChannel;
        watts[i] = keepPower;
      }
      if (!improved) {
        break;
      }
    }
    return best;
  }

  /** Point 5 sends nothing: its power only matters for a transmission in flight, so pmax only. */
  private double[] powersFor(int point) {
    return point == Net.LOCAL_POINT ? new double[] {cfg.pmaxWatts()} : powers;
  }

  /** Runs the episode with a static assignment; +infinity once its lower bound reaches bound. */
  private double objective(
      EpisodeSetup setup, int[] points, int[] channels, double[] watts, double bound) {
    sim.reset(setup);
    double tasks = sim.episodeTasks();
    double slotCost = cfg.slotSeconds() * cfg.ues() / tasks;
    while (!sim.done()) {
      sim.step(points, channels, watts, state);
      double lowerBound = sim.slot() * slotCost + cfg.beta() * sim.episodeEnergy() / tasks;
      if (lowerBound >= bound || sim.slot() >= SLOT_LIMIT) {
        return Double.POSITIVE_INFINITY;
      }
    }
    double finished = sim.episodeFinished();
    return sim.slot() * cfg.slotSeconds() * cfg.ues() / finished
        + cfg.beta() * sim.episodeEnergy() / finished;
  }
}
