package io.coinfer.mec.eval;

import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.mec.sim.StepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a scheduler over seeded episodes of a scenario and measures them, as the paper's test loop
 * does: decide, step, until every UE has finished. Episodes of the training scenario and of its
 * co-located variant stop at the published slot cap ({@code floor(lambda 0.15 / T)} slots); the
 * others at {@link #slotLimit()}.
 */
public final class Evaluator {

  /** The default slot cap of test and random-positions episodes, a guard against runaways. */
  public static final int DEFAULT_SLOT_LIMIT = 200_000;

  private final MecEnvironment env;
  private final int slotLimit;

  /**
   * @param cfg the system
   * @param scenario how episodes are drawn
   */
  public Evaluator(ScenarioConfig cfg, Scenario scenario) {
    this(cfg, scenario, DEFAULT_SLOT_LIMIT);
  }

  /**
   * @param cfg the system
   * @param scenario how episodes are drawn
   * @param slotLimit the slot cap of test and random-positions episodes
   */
  public Evaluator(ScenarioConfig cfg, Scenario scenario, int slotLimit) {
    if (slotLimit < 1) {
      throw new IllegalArgumentException("slot limit must be >= 1, got " + slotLimit);
    }
    this.env = new MecEnvironment(cfg, scenario);
    this.slotLimit = scenario.trainingDraws() ? cfg.trainingSlotCap() : slotLimit;
  }

  /**
   * @return the slot cap of an episode
   */
  public int slotLimit() {
    return slotLimit;
  }

  /**
   * The seed of episode {@code k} of a run seeded with {@code seed}.
   *
   * @param seed the run's seed
   * @param k the episode, 0..K-1
   * @return the episode's seed
   */
  public static long episodeSeed(long seed, int k) {
    return seed + 0x9E3779B97F4A7C15L * k;
  }

  /**
   * Runs K episodes.
   *
   * @param scheduler the scheduler (reset before each episode with the episode's seed)
   * @param episodes K >= 1
   * @param seed the run's seed
   * @param progress told the number of episodes done after each one
   * @return the mean metrics with the episodes
   */
  public EvaluationSummary evaluate(
      Scheduler scheduler, int episodes, long seed, IntConsumer progress) {
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
    }
    List<EpisodeMetrics> results = new ArrayList<>(episodes);
    for (int k = 0; k < episodes; k++) {
      results.add(runEpisode(scheduler, episodeSeed(seed, k)));
      progress.accept(k + 1);
    }
    return EvaluationSummary.of(scheduler.id(), results);
  }

  /**
   * Runs one episode.
   *
   * @param scheduler the scheduler, reset here with {@code seed}
   * @param seed the episode's seed
   * @return its metrics
   */
  public EpisodeMetrics runEpisode(Scheduler scheduler, long seed) {
    ScenarioConfig cfg = env.config();
    scheduler.reset(seed);
    env.reset(seed);
    double reward = 0;
    while (!env.done() && env.slot() < slotLimit) {
      Action[] actions = scheduler.decide(SchedulingContext.of(env));
      StepResult result = env.step(actions);
      reward += result.reward();
    }
    double[] latencies = env.taskLatencies();
    Arrays.sort(latencies);
    int finished = env.episodeFinished();
    return new EpisodeMetrics(
        env.slot(),
        env.episodeTasks(),
        finished,
        cfg.slotSeconds() * cfg.ues() * env.slot() / finished,
        env.episodeEnergy() / finished,
        EpisodeMetrics.mean(latencies),
        EpisodeMetrics.percentile(latencies, 0.50),
        EpisodeMetrics.percentile(latencies, 0.95),
        env.lastCompletionSeconds(),
        reward,
        !env.done());
  }
}
