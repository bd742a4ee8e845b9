package io.coinfer.mec.sim;

import io.coinfer.mec.profile.Net;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** How an episode is drawn: distances, batch sizes and initial actions of the UEs. */
public enum Scenario {
  /**
   * The published training scenario: distance uniform in [dmin, dmax], batch max(1,
   * Poisson(lambda)), random initial action (point, channel, power uniform in [1e-10, pmax)).
   */
  TRAIN("train"),
  /**
   * The published test scenario: every UE at 50 m with exactly lambda tasks, initial action point
   * 5, channel 0, power 1e-10 W. The same for every seed.
   */
  TEST("test"),
  /**
   * Our evaluation scenario so results do not rest on one geometry: training-style distances (a
   * seed per episode), test-style batches and initial action.
   */
  RANDOM_POSITIONS("random-positions"),
  /**
   * Our training variant for co-located fleets: the training scenario's draws, but one distance,
   * one batch size and one initial action shared by every UE, so the UEs differ only in their
   * index. The test scenario (every UE at 50 m with lambda tasks, all local at first) is one such
   * episode; random geometries almost never tie, so a policy trained on them alone has to guess
   * which of several identical UEs should give way.
   */
  CO_LOCATED("co-located"),
  /**
   * The test scenario at a random place: every UE at one distance drawn as in {@link
   * #RANDOM_POSITIONS} (a seed per episode), with lambda tasks and every UE local at first. The
   * test scenario is the member at 50 m; training or validating on these episodes covers its family
   * without ever using the test scenario itself.
   */
  CO_LOCATED_POSITIONS("co-located-positions");

  /** The distance of every UE in the test scenario, in meters. */
  public static final double TEST_DISTANCE_METERS = 50.0;

  private final String id;

  Scenario(String id) {
    this.id = id;
  }

  /**
   * @return the command-line id, e.g. {@code "random-positions"}
   */
  public String id() {
    return id;
  }

  /**
   * @param text an id, case-insensitive ({@code random_positions} is accepted too)
   * @return the scenario
   * @throws IllegalArgumentException naming the known ids
   */
  public static Scenario parse(String text) {
    String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Scenario s : values()) {
      if (s.id.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '"
            + text
            + "'; known: "
            + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")));
  }

  /**
   * @return whether episodes are drawn as in training (Poisson batches, a random first action), as
   *     for {@link #TRAIN} and {@link #CO_LOCATED}; such episodes stop at the published slot cap
   */
  public boolean trainingDraws() {
    return this == TRAIN || this == CO_LOCATED;
  }

  /**
   * @return whether every UE shares the first UE's distance, batch and initial action, as for
   *     {@link #CO_LOCATED} and {@link #CO_LOCATED_POSITIONS}
   */
  public boolean coLocated() {
    return this == CO_LOCATED || this == CO_LOCATED_POSITIONS;
  }

  /**
   * Draws one episode.
   *
   * @param cfg the system
   * @param seed the episode's seed; the same seed gives the same episode
   * @return distances, batches and initial actions
   */
  public EpisodeSetup draw(ScenarioConfig cfg, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = cfg.ues();
    double[] distances = new double[n];
    int[] tasks = new int[n];
    Action[] initial = new Action[n];
    for (int i = 0; i < n; i++) {
      if (coLocated() && i > 0) {
        distances[i] = distances[0];
        tasks[i] = tasks[0];
        initial[i] = initial[0];
        continue;
      }
      if (this == TEST) {
        distances[i] = TEST_DISTANCE_METERS;
      } else {
        distances[i] = cfg.dminMeters() + rng.nextDouble() * (cfg.dmaxMeters() - cfg.dminMeters());
      }
      if (trainingDraws()) {
        tasks[i] = Math.max(1, poisson(rng, cfg.lambda()));
        initial[i] =
            new Action(
                rng.nextInt(Net.POINTS),
                rng.nextInt(cfg.channels()),
                Action.MIN_POWER_WATTS
                    + rng.nextDouble() * (cfg.pmaxWatts() - Action.MIN_POWER_WATTS));
      } else {
        tasks[i] = cfg.lambda();
        initial[i] = Action.local(0);
      }
    }
    return new EpisodeSetup(distances, tasks, initial);
  }

  /** Poisson(mean) as a sum of Knuth draws of mean <= 30 each, so exp() never underflows. */
  static int poisson(SplittableRandom rng, double mean) {
    int count = 0;
    double left = mean;
    while (left > 0) {
      double part = Math.min(left, 30.0);
      left -= part;
      double limit = Math.exp(-part);
      double product = rng.nextDouble();
      while (product > limit) {
        count++;
        product *= rng.nextDouble();
      }
    }
    return count;
  }
}
