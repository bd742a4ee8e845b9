package io.coinfer.mahppo.policy;

import java.util.List;

/**
 * The sizes of MAHPPO's networks and of the features they read.
 *
 * <p>Per UE the environment gives 4 numbers (tasks left, compute left, bits left, distance, all
 * normalised to [0, 1]). With {@code richState} each UE adds its last decision and phase: a one-hot
 * point (6), a one-hot sub-channel ({@code channels}), power / pmax (1) and a one-hot phase
 * (computing, transmitting, done: 3). Per-UE actors and the critic read all UEs' features
 * concatenated; a shared actor reads one row per UE: that UE's features, the mean features over the
 * fleet and a one-hot UE index of length {@code maxUes}. With {@code distanceOrder} the UEs take
 * their places in these inputs (and so their actors) nearest first, ties by index; else by index.
 *
 * @param ues number of UEs the critic (and per-UE actors) are built for
 * @param channels number of uplink sub-channels
 * @param sharedActor one actor for all UEs (true) or one per UE (false)
 * @param maxUes largest fleet a shared actor serves
 * @param richState whether the features include last decision and phase
 * @param trunk widths of the actor trunk's hidden layers
 * @param headHidden width of each head's hidden layer
 * @param critic widths of the critic's hidden layers
 * @param distanceOrder UEs are handed to the actors nearest first instead of by index
 * @param powerLevels 0: the power head is a Gaussian (mean and std outputs, as published); else it
 *     is categorical over this many levels of the head sample, equally spaced in [0, pmax] (the
 *     power scale maps them to watts)
 * @param autoregressive per-UE actors also read the actions chosen in the same slot by the actors
 *     of the places before theirs ({@link #choiceFeatures()} after the UEs' features); each actor
 *     then has its own input row
 * @param betaInput the networks also read the energy weight beta they are asked to serve ({@link
 *     #betaFeature}): one number after all UEs' features in the critic's input and in a per-UE
 *     actor's (before any choices), and at the end of a shared actor's row, so that one checkpoint
 *     serves a range of betas
 */
public record PolicyShape(
    int ues,
    int channels,
    boolean sharedActor,
    int maxUes,
    boolean richState,
    List<Integer> trunk,
    int headHidden,
    List<Integer> critic,
    boolean distanceOrder,
    int powerLevels,
    boolean autoregressive,
    boolean betaInput) {

  /** Partition points per network (0 = raw image, 5 = all local), as in the paper. */
  public static final int POINTS = 6;

  /** Base features per UE given by the environment. */
  public static final int BASE_FEATURES = 4;

  /** Phases one-hot encoded by the rich state: computing, transmitting, done. */
  public static final int PHASES = 3;

  /** Checks the sizes. */
  public PolicyShape {
    if (ues <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "ues and channels must be > 0, got " + ues + ", " + channels);
    }
    if (sharedActor && ues > maxUes) {
      throw new IllegalArgumentException(
          "a shared actor for at most " + maxUes + " UEs cannot be trained on " + ues);
    }
    if (autoregressive && sharedActor) {
      throw new IllegalArgumentException("a shared actor cannot be autoregressive");
    }
    if (powerLevels == 1 || powerLevels < 0) {
      throw new IllegalArgumentException(
          "powerLevels must be 0 (Gaussian) or at least 2, got " + powerLevels);
    }
    trunk = List.copyOf(trunk);
    critic = List.copyOf(critic);
  }

  /**
   * The same networks with the UEs placed by another order.
   *
   * @param nearestFirst the new {@link #distanceOrder()}
   * @return the shape
   */
  public PolicyShape withDistanceOrder(boolean nearestFirst) {
    return with(nearestFirst, autoregressive, betaInput);
  }

  /**
   * The same networks as autoregressive actors: each per-UE actor also reads the choices of the
   * places before its own.
   *
   * @return the shape
   * @throws IllegalArgumentException for a shared actor
   */
  public PolicyShape asAutoregressive() {
    return with(distanceOrder, true, betaInput);
  }

  /**
   * The same networks reading the energy weight beta ({@link #betaColumn()}).
   *
   * @return the shape
   */
  public PolicyShape withBetaInput() {
    return with(distanceOrder, autoregressive, true);
  }

  private PolicyShape with(boolean nearestFirst, boolean readsChoices, boolean readsBeta) {
    return new PolicyShape(
        ues,
        channels,
        sharedActor,
        maxUes,
        richState,
        trunk,
        headHidden,
        critic,
        nearestFirst,
        powerLevels,
        readsChoices,
        readsBeta);
  }

  /** Features of one UE. */
  public int ueFeatures() {
    return BASE_FEATURES + (richState ? POINTS + channels + 1 + PHASES : 0);
  }

  /**
   * Length of the critic's input (and of a per-UE actor's input before any choices): all UEs'
   * features, then beta's feature if read.
   */
  public int globalFeatures() {
    return ues * ueFeatures() + (betaInput ? 1 : 0);
  }

  /**
   * Where beta's feature sits in an actor input row: after all UEs' features for per-UE actors,
   * last for a shared actor.
   *
   * @return the column, or -1 without {@link #betaInput()}
   */
  public int betaColumn() {
    if (!betaInput) {
      return -1;
    }
    return sharedActor ? 2 * ueFeatures() + maxUes : ues * ueFeatures();
  }

  /**
   * The feature that stands for an energy weight: {@code log10(beta)}, so that equal ratios of beta
   * are equal steps (0 at beta 1, -1 at 0.1).
   *
   * @param beta the energy weight, > 0
   * @return the feature
   */
  public static float betaFeature(double beta) {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
    }
    return (float) Math.log10(beta);
  }

  /** Features of one place's chosen action: one-hot point, one-hot sub-channel, power / pmax. */
  public int choiceFeatures() {
    return POINTS + channels + 1;
  }

  /** Length of one actor input row. */
  public int actorInput() {
    if (sharedActor) {
      return 2 * ueFeatures() + maxUes + (betaInput ? 1 : 0);
    }
    return globalFeatures() + (autoregressive ? ues * choiceFeatures() : 0);
  }

  /**
   * Whether each UE's actor reads its own input row (a shared actor, autoregressive actors) rather
   * than all per-UE actors one shared row.
   */
  public boolean rowPerUe() {
    return sharedActor || autoregressive;
  }

  /** Number of actor networks: 1 if shared, else one per UE. */
  public int actorGroups() {
    return sharedActor ? 1 : ues;
  }

  /** Whether the power head is categorical ({@code powerLevels > 0}) rather than a Gaussian. */
  public boolean categoricalPower() {
    return powerLevels > 0;
  }

  /**
   * Names of the actor's output layers, in head order: point, channel, then the power head's
   * ({@code power} logits if categorical, else {@code mu} and {@code sigma}).
   */
  public List<String> heads() {
    return categoricalPower()
        ? List.of("point", "channel", "power")
        : List.of("point", "channel", "mu", "sigma");
  }

  /** Outputs of each head in {@link #heads()}' order. */
  public int[] headSizes() {
    return categoricalPower()
        ? new int[] {POINTS, channels, powerLevels}
        : new int[] {POINTS, channels, 1, 1};
  }

  /**
   * The categorical power head's level nearest to a head sample.
   *
   * @param x a head sample, in [0, pmax] (clamped)
   * @param pmax the largest power, in W
   * @return the level, in [0, powerLevels)
   */
  public int powerLevel(double x, double pmax) {
    double fraction = Math.min(1, Math.max(0, x / pmax));
    return (int) Math.round(fraction * (powerLevels - 1));
  }

  /**
   * The head sample of a categorical power level.
   *
   * @param level in [0, powerLevels)
   * @param pmax the largest power, in W
   * @return {@code pmax * level / (powerLevels - 1)}
   */
  public double powerSample(int level, double pmax) {
    return pmax * level / (powerLevels - 1);
  }
}
