package io.coinfer.mec.eval;

import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.mec.sim.Seeds;
import io.coinfer.mec.sim.StepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Runs a scheduler over seeded episodes of a scenario and measures them, as the paper's test loop
 * does: decide, step, until every UE has finished. Episodes of the training scenario and of its
 * co-located variant stop at the published slot cap ({@code floor(lambda 0.15 / T)} slots); the
 * others at {@link #slotLimit()}.
 *
 * <p>A power-control error can be switched on ({@link #withPowerErrorDb}): each UE then transmits
 * at its commanded power times a factor of its own, drawn once per episode from the episode's seed
 * (the same for every scheduler), uniform in decibels within plus or minus the error and capped at
 * pmax. Schedulers are not told the factors; they see the powers actually used in the state. The
 * simulator otherwise assumes every UE hits the commanded power exactly.
 */
public final class Evaluator {

  /** The default slot cap of test and random-positions episodes, a guard against runaways. */
  public static final int DEFAULT_SLOT_LIMIT = 200_000;

  /** Mixed into an episode's seed to draw its power-control errors. */
  private static final long POWER_ERROR_SALT = 0x5DEECE66DL;

  private final MecEnvironment env;
  private final int slotLimit;
  private final double powerErrorDb;
  private final double distanceMeters;

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
    this(new MecEnvironment(cfg, scenario), slotLimit, 0, Double.NaN);
  }

  private Evaluator(MecEnvironment env, int slotLimit, double powerErrorDb, double distanceMeters) {
    if (slotLimit < 1) {
      throw new IllegalArgumentException("slot limit must be >= 1, got " + slotLimit);
    }
    this.env = env;
    this.slotLimit = env.scenario().trainingDraws() ? env.config().trainingSlotCap() : slotLimit;
    this.powerErrorDb = powerErrorDb;
    this.distanceMeters = distanceMeters;
  }

  /**
   * @param db the largest power-control error, in dB, at least 0 (0 = every UE transmits exactly at
   *     the commanded power, as the paper assumes)
   * @return an evaluator of the same episodes whose UEs miss their commanded power by up to {@code
   *     db}
   * @throws IllegalArgumentException if {@code db} is negative or not finite
   */
  public Evaluator withPowerErrorDb(double db) {
    if (!(db >= 0) || Double.isInfinite(db)) {
      throw new IllegalArgumentException("power error must be >= 0 dB and finite, got " + db);
    }
    return copy(db, distanceMeters);
  }

  /**
   * @param meters the distance of every UE, in meters, within the system's [dmin, dmax]
   * @return an evaluator of the same episodes (batches, initial actions) with every UE at {@code
   *     meters}: the test scenario at another distance, for instance
   * @throws IllegalArgumentException if {@code meters} is outside [dmin, dmax]
   */
  public Evaluator withDistanceMeters(double meters) {
    ScenarioConfig cfg = env.config();
    if (!(meters >= cfg.dminMeters() && meters <= cfg.dmaxMeters())) {
      throw new IllegalArgumentException(
          "distance must be within [dmin, dmax] = ["
              + cfg.dminMeters()
              + ", "
              + cfg.dmaxMeters()
              + "] m, got "
              + meters);
    }
    return copy(powerErrorDb, meters);
  }

  /** An evaluator of the same system, scenario and slot cap, on an environment of its own. */
  private Evaluator copy(double db, double meters) {
    return new Evaluator(new MecEnvironment(env.config(), env.scenario()), slotLimit, db, meters);
  }

  /**
   * @return the largest power-control error, in dB (0 = none)
   */
  public double powerErrorDb() {
    return powerErrorDb;
  }

  /**
   * @return the slot cap of an episode
   */
  public int slotLimit() {
    return slotLimit;
  }

  /**
   * The seed of episode {@code k} of a run seeded with {@code seed} ({@link Seeds#derive}: episodes
   * of a run draw independently).
   *
   * @param seed the run's seed
   * @param k the episode, 0..K-1
   * @return the episode's seed
   */
  public static long episodeSeed(long seed, int k) {
    return Seeds.derive(seed, k);
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
    env.reset(setup(seed));
    double[] powerFactors = powerFactors(seed);
    double reward = 0;
    while (!env.done() && env.slot() < slotLimit) {
      Action[] actions = scheduler.decide(SchedulingContext.of(env));
      StepResult result = env.step(withPowerError(actions, powerFactors));
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

  /** The episode of a seed, with every UE moved to {@code distanceMeters} if that is set. */
  private EpisodeSetup setup(long seed) {
    EpisodeSetup drawn = env.scenario().draw(env.config(), seed);
    if (Double.isNaN(distanceMeters)) {
      return drawn;
    }
    double[] distances = new double[drawn.ues()];
    Arrays.fill(distances, distanceMeters);
    return new EpisodeSetup(distances, drawn.tasks(), drawn.initialActions());
  }

  /** Each UE's factor on its commanded power in an episode; null without a power error. */
  private double[] powerFactors(long seed) {
    if (powerErrorDb == 0) {
      return null;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ POWER_ERROR_SALT);
    double[] factors = new double[env.ues()];
    for (int i = 0; i < factors.length; i++) {
      factors[i] = Math.pow(10, powerErrorDb * (2 * rng.nextDouble() - 1) / 10);
    }
    return factors;
  }

  private Action[] withPowerError(Action[] actions, double[] factors) {
    if (factors == null || actions.length != factors.length) {
      return actions; // the environment names a wrong number of actions
    }
    double pmax = env.config().pmaxWatts();
    Action[] used = new Action[actions.length];
    for (int i = 0; i < actions.length; i++) {
      Action a = actions[i];
      used[i] = new Action(a.point(), a.channel(), Math.min(pmax, a.powerWatts() * factors[i]));
    }
    return used;
  }
}
