package io.coinfer.mahppo.config;

import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mec.sim.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * Every hyperparameter and switch of MAHPPO training in one place.
 *
 * <p>{@link #published()} gives the settings of Hao et al., "Multi-Agent Collaborative Inference
 * via DNN Decoupling", IEEE TMC 2023, and of their public code; every switch of ours has the
 * published behaviour as one of its values. {@link #recommended()} is the set we ship checkpoints
 * with, chosen by the ablation in the README. All values are validated when the record is built.
 *
 * @param totalSteps environment steps (slots) to train for; the published run uses 500,000
 * @param gamma discount factor per slot, in (0, 1]
 * @param gaeLambda GAE lambda, in [0, 1]
 * @param clipEpsilon PPO ratio clip range epsilon, in (0, 1)
 * @param entropyCoef weight of the entropy bonus of every head, at least 0
 * @param actorLearningRate Adam step size of the actors at the start of training
 * @param criticLearningRate Adam step size of the critic at the start of training
 * @param rolloutSteps environment steps (slots) collected between two updates
 * @param minibatchSize samples per minibatch; must divide {@code rolloutSteps}
 * @param epochs passes per update: an update runs {@code epochs * rolloutSteps / minibatchSize}
 *     minibatches, each drawn with replacement (as published)
 * @param episodeSlotFactor training episodes are cut after {@code lambda * factor / T} slots
 * @param trunkHidden widths of the actor trunk's hidden layers (ReLU)
 * @param headHidden width of the one hidden layer (ReLU) of each actor head
 * @param criticHidden widths of the critic's hidden layers (ReLU)
 * @param adamBeta1 Adam first-moment decay
 * @param adamBeta2 Adam second-moment decay
 * @param adamEpsilon Adam denominator epsilon
 * @param criticTarget what the critic regresses on: one-step TD (published) or the lambda-return
 * @param valueNormalisation critic learns targets scaled by a running mean and std (ours)
 * @param orthogonalInit orthogonal weights with zero biases instead of PyTorch's uniform (ours)
 * @param maxGradNorm clip the gradient norm of actors and of critic to this; 0 = off (published)
 * @param actionMasking do not train the sub-channel and power heads on samples whose point is 5
 *     (local), where they mean nothing (ours)
 * @param richState append each UE's last point, sub-channel, power and phase to the state (ours)
 * @param reward the published per-slot reward, or one whose episode sum is the evaluation
 *     objective, with the latency in whole slots or as the continuous makespan (ours)
 * @param lrAnnealing anneal both learning rates linearly to 0 over {@code totalSteps} (ours)
 * @param sharedActor one actor network for all UEs fed with each UE's own features and index,
 *     instead of one actor per UE (ours)
 * @param maxUes largest fleet a shared actor can serve (length of its one-hot UE index)
 * @param powerScale how the power head's Gaussian sample maps to watts: linearly (published) or
 *     over {@value #POWER_DECADES} decades below pmax (ours)
 * @param keepBest besides the last checkpoint, keep the one whose deterministic policy had the
 *     lowest mean objective on validation episodes (random positions, seeds apart from those of
 *     {@code coinfer evaluate}) measured after every update; published: the last one only (ours)
 * @param warmStartTeacher a mec-core baseline spec (e.g. {@code static-search}) whose decisions the
 *     actors are cloned from before PPO, or empty for none (published)
 * @param warmStartSteps environment steps of behaviour cloning at the start of the run (the teacher
 *     acts; actors learn its actions by maximum likelihood, the critic its returns); 0 = none
 *     (published)
 * @param pointEntropyExtra extra weight of the point head's entropy bonus on top of {@code
 *     entropyCoef} at the start of PPO, falling linearly to 0 at {@code totalSteps}, so that the
 *     point head keeps exploring longer than the other heads; at least 0, 0 = off (published; ours)
 * @param rewardBeta weight of the energy (per J, against latency in s) in the training reward only,
 *     both {@link RewardKind}s; null = the scenario's beta (published). Validation for {@code
 *     keepBest}, the test figures and the reported objective keep the scenario's beta, so a smaller
 *     value trains for latency while the policy is still judged on the scenario's objective; at
 *     least 0 (ours)
 * @param keepBestMaxLatency with {@code keepBest}, only updates whose mean validation latency per
 *     task is at most this many seconds may be kept (the lowest validation objective among them); 0
 *     = no cap (ours)
 * @param coLocatedFraction share of training episodes drawn from {@link Scenario#CO_LOCATED} (one
 *     distance, batch and initial action for every UE) instead of the training scenario, in [0, 1];
 *     0 = none (published)
 * @param trainingScenario the scenario training episodes are drawn from: {@link Scenario#TRAIN}
 *     (published; also when null, as in older checkpoints), or another but {@link Scenario#TEST},
 *     for instance {@link Scenario#RANDOM_POSITIONS} (equal batches, every UE local at first, as in
 *     the evaluation); the episodes' seeds are the run's own (ours)
 * @param validationEpisodes random-positions episodes of the validation that picks the kept update
 *     ({@code keepBest}); 0 (older checkpoints) reads as {@value #DEFAULT_VALIDATION_EPISODES}
 *     (ours)
 * @param distanceOrder hand the UEs to the actors nearest first (ties by index) instead of by
 *     index, so that roles learnt per actor follow the geometry; the order is read from the state
 *     at every step. false = by index (published; also in older checkpoints) (ours)
 * @param powerLevels 0: the power head is a Gaussian, as published (also in older checkpoints);
 *     else a categorical head over this many equally spaced values of the head sample in [0, pmax],
 *     mapped to watts by {@code powerScale} (with {@link PowerScale#LOG}: log-spaced powers from
 *     pmax / 1000 to pmax), so that the deterministic policy serves its most likely level rather
 *     than a Gaussian's mean (ours)
 * @param autoregressive each per-UE actor also reads the actions already chosen in the same slot by
 *     the actors placed before it (one-hot point and sub-channel, power head sample / pmax), so the
 *     UEs' actions are drawn one after another from conditional distributions instead of
 *     independently, and the deterministic policy takes each most likely action given those before
 *     it. false = independent actors (published; also in older checkpoints) (ours)
 * @param coLocatedScenario the scenario of the {@code coLocatedFraction} share of training
 *     episodes: {@link Scenario#CO_LOCATED} (training-style batches and first actions; also when
 *     null, as in older checkpoints) or {@link Scenario#CO_LOCATED_POSITIONS} (the test scenario at
 *     a random distance: lambda tasks, every UE local at first) (ours)
 * @param betaMin with {@code betaMax > 0}, the smallest energy weight of a beta-conditioned policy:
 *     every training episode draws its reward's beta log-uniformly from [betaMin, betaMax], the
 *     networks read it ({@link PolicyShape#betaInput()}), and the checkpoint serves any scenario
 *     beta in that range, so one checkpoint moves along the latency-energy frontier at run time.
 *     Validation for {@code keepBest} takes the mean of the objectives at betaMin and betaMax. Both
 *     0: one beta, not read by the networks (published; also in older checkpoints) (ours)
 * @param betaMax the largest energy weight of a beta-conditioned policy, or 0 (see {@code betaMin})
 */
public record MahppoConfig(
    long totalSteps,
    double gamma,
    double gaeLambda,
    double clipEpsilon,
    double entropyCoef,
    double actorLearningRate,
    double criticLearningRate,
    int rolloutSteps,
    int minibatchSize,
    int epochs,
    double episodeSlotFactor,
    List<Integer> trunkHidden,
    int headHidden,
    List<Integer> criticHidden,
    double adamBeta1,
    double adamBeta2,
    double adamEpsilon,
    CriticTarget criticTarget,
    boolean valueNormalisation,
    boolean orthogonalInit,
    double maxGradNorm,
    boolean actionMasking,
    boolean richState,
    RewardKind reward,
    boolean lrAnnealing,
    boolean sharedActor,
    int maxUes,
    PowerScale powerScale,
    boolean keepBest,
    String warmStartTeacher,
    long warmStartSteps,
    double pointEntropyExtra,
    Double rewardBeta,
    double keepBestMaxLatency,
    double coLocatedFraction,
    Scenario trainingScenario,
    int validationEpisodes,
    boolean distanceOrder,
    int powerLevels,
    boolean autoregressive,
    Scenario coLocatedScenario,
    double betaMin,
    double betaMax) {

  /** Random-positions episodes of the kept-best validation unless told otherwise. */
  public static final int DEFAULT_VALIDATION_EPISODES = 10;

  /** Decades below pmax that {@link PowerScale#LOG} spans: powers from pmax / 1000 to pmax. */
  public static final int POWER_DECADES = 3;

  /** What the critic is regressed on. */
  public enum CriticTarget {
    /** {@code r + gamma * V_old(s')}, as in the published code. */
    TD,
    /** The GAE lambda-return {@code advantage + V_old(s)}, as in most PPO implementations. */
    LAMBDA_RETURN
  }

  /** Which reward the agents are trained on. */
  public enum RewardKind {
    /** {@code -(T / max(f, 0.8)) - beta * E / max(f, 0.8)} per slot, as published. */
    PUBLISHED,
    /**
     * {@code -100 * (T + beta * E) / K} per slot, with {@code E} the mean UE energy in the slot (J)
     * and {@code K} the mean number of tasks per UE of the episode: an episode's rewards sum to
     * -100 times the evaluation objective (latency + beta * energy per task per device).
     */
    OBJECTIVE,
    /**
     * {@link #OBJECTIVE}, but the episode's last slot charges only the time up to its last task
     * completion instead of the whole {@code T}: an episode's rewards sum to -100 times the
     * objective with the latency taken as the continuous makespan. The evaluation counts whole
     * slots, so {@link #OBJECTIVE} pays nothing for finishing earlier inside the last slot and its
     * latency term is flat between slot boundaries; this one rewards every second saved (ours).
     */
    MAKESPAN
  }

  /**
   * How the power head's sample {@code x} (a Gaussian whose mean is {@code sigmoid * pmax}) becomes
   * the transmit power in watts.
   */
  public enum PowerScale {
    /** {@code x} clamped into [1e-10, pmax] W, as published: a sample below 0 stalls the uplink. */
    LINEAR,
    /**
     * {@code pmax * 10^(-3 (1 - x / pmax))} with {@code x} clamped into [0, pmax]: equal steps of
     * {@code x} are equal ratios of power, from pmax / 1000 to pmax, so low powers (the
     * energy-cheap ones) are as easy to hold as high ones and no sample stalls the uplink.
     */
    LOG;

    /**
     * @param x the power head's sample, in units of the head (pmax at most for LINEAR)
     * @param pmax the largest power, in W
     * @return the transmit power, in W, in (0, pmax]
     */
    public double watts(double x, double pmax) {
      if (this == LINEAR) {
        return Math.min(pmax, Math.max(1e-10, x));
      }
      double fraction = Math.min(1, Math.max(0, x / pmax));
      return pmax * Math.pow(10, -POWER_DECADES * (1 - fraction));
    }

    /**
     * The inverse of {@link #watts}: the head sample that gives a power (used to clone a teacher).
     *
     * @param watts a power in (0, pmax] W
     * @param pmax the largest power, in W
     * @return the head sample, in [0, pmax]
     */
    public double sample(double watts, double pmax) {
      if (this == LINEAR) {
        return watts;
      }
      return pmax * Math.max(0, 1 + Math.log10(watts / pmax) / POWER_DECADES);
    }
  }

  /** Validates every value up front, with a message that names the offending one. */
  public MahppoConfig {
    require(totalSteps > 0, "totalSteps must be > 0, got " + totalSteps);
    require(gamma > 0 && gamma <= 1, "gamma must be in (0, 1], got " + gamma);
    require(gaeLambda >= 0 && gaeLambda <= 1, "gaeLambda must be in [0, 1], got " + gaeLambda);
    require(
        clipEpsilon > 0 && clipEpsilon < 1, "clipEpsilon must be in (0, 1), got " + clipEpsilon);
    require(entropyCoef >= 0, "entropyCoef must be >= 0, got " + entropyCoef);
    require(actorLearningRate > 0, "actorLearningRate must be > 0, got " + actorLearningRate);
    require(criticLearningRate > 0, "criticLearningRate must be > 0, got " + criticLearningRate);
    require(rolloutSteps > 0, "rolloutSteps must be > 0, got " + rolloutSteps);
    require(
        minibatchSize > 0 && rolloutSteps % minibatchSize == 0,
        "minibatchSize must divide rolloutSteps, got " + minibatchSize + " and " + rolloutSteps);
    require(epochs > 0, "epochs must be > 0, got " + epochs);
    require(episodeSlotFactor > 0, "episodeSlotFactor must be > 0, got " + episodeSlotFactor);
    require(
        powerLevels == 0 || powerLevels >= 2,
        "powerLevels must be 0 (a Gaussian power head) or at least 2, got " + powerLevels);
    trunkHidden = List.copyOf(Objects.requireNonNull(trunkHidden, "trunkHidden"));
    criticHidden = List.copyOf(Objects.requireNonNull(criticHidden, "criticHidden"));
    require(!trunkHidden.isEmpty(), "trunkHidden needs at least one layer");
    require(!criticHidden.isEmpty(), "criticHidden needs at least one layer");
    require(trunkHidden.stream().allMatch(w -> w > 0), "trunkHidden widths must be > 0");
    require(criticHidden.stream().allMatch(w -> w > 0), "criticHidden widths must be > 0");
    require(headHidden > 0, "headHidden must be > 0, got " + headHidden);
    require(adamBeta1 >= 0 && adamBeta1 < 1, "adamBeta1 must be in [0, 1), got " + adamBeta1);
    require(adamBeta2 >= 0 && adamBeta2 < 1, "adamBeta2 must be in [0, 1), got " + adamBeta2);
    require(adamEpsilon > 0, "adamEpsilon must be > 0, got " + adamEpsilon);
    Objects.requireNonNull(criticTarget, "criticTarget");
    require(maxGradNorm >= 0, "maxGradNorm must be >= 0 (0 = off), got " + maxGradNorm);
    Objects.requireNonNull(reward, "reward");
    require(maxUes > 0, "maxUes must be > 0, got " + maxUes);
    // checkpoints written before these switches existed read as the published values
    if (powerScale == null) {
      powerScale = PowerScale.LINEAR;
    }
    warmStartTeacher = warmStartTeacher == null ? "" : warmStartTeacher.trim();
    require(warmStartSteps >= 0, "warmStartSteps must be >= 0, got " + warmStartSteps);
    require(
        !autoregressive || (!sharedActor && warmStartSteps == 0),
        "autoregressive actors are per-UE actors trained by PPO alone: they cannot be combined"
            + " with a shared actor or a warm start");
    require(
        warmStartSteps == 0 || !warmStartTeacher.isEmpty(),
        "warmStartSteps > 0 needs a warmStartTeacher (a baseline spec such as static-search)");
    require(
        pointEntropyExtra >= 0,
        "pointEntropyExtra must be >= 0 (0 = off), got " + pointEntropyExtra);
    require(
        rewardBeta == null || (rewardBeta >= 0 && !rewardBeta.isInfinite()),
        "rewardBeta must be a finite number >= 0 (or unset: the scenario's beta), got "
            + rewardBeta);
    require(
        keepBestMaxLatency >= 0 && !Double.isInfinite(keepBestMaxLatency),
        "keepBestMaxLatency must be a finite number of seconds >= 0 (0 = no cap), got "
            + keepBestMaxLatency);
    require(
        coLocatedFraction >= 0 && coLocatedFraction <= 1,
        "coLocatedFraction must be in [0, 1] (0 = none), got " + coLocatedFraction);
    if (trainingScenario == null) {
      trainingScenario = Scenario.TRAIN;
    }
    require(
        trainingScenario != Scenario.TEST,
        "trainingScenario must not be the test scenario, which the policy is judged on");
    if (coLocatedScenario == null) {
      coLocatedScenario = Scenario.CO_LOCATED;
    }
    require(
        coLocatedScenario.coLocated(),
        "coLocatedScenario must be co-located or co-located-positions, got "
            + coLocatedScenario.id());
    if (validationEpisodes == 0) {
      validationEpisodes = DEFAULT_VALIDATION_EPISODES;
    }
    require(validationEpisodes >= 1, "validationEpisodes must be >= 1, got " + validationEpisodes);
    require(
        (betaMin == 0 && betaMax == 0)
            || (betaMin > 0 && betaMin <= betaMax && !Double.isInfinite(betaMax)),
        "the beta range must be 0 < betaMin <= betaMax, finite (or both 0: not conditioned on"
            + " beta), got "
            + betaMin
            + " and "
            + betaMax);
    require(
        betaMax == 0 || (rewardBeta == null && reward != RewardKind.PUBLISHED),
        "a beta-conditioned policy draws its reward's beta per episode: it takes the objective or"
            + " makespan reward and no rewardBeta");
  }

  /** The published settings (paper and public code), with all our switches off. */
  public static MahppoConfig published() {
    return new MahppoConfig(
        500_000,
        0.95,
        0.95,
        0.2,
        1e-3,
        1e-4,
        1e-4,
        1024,
        256,
        20,
        0.15,
        List.of(256, 128),
        64,
        List.of(256, 128, 64),
        0.9,
        0.999,
        1e-8,
        CriticTarget.TD,
        false,
        false,
        0,
        false,
        false,
        RewardKind.PUBLISHED,
        false,
        false,
        5,
        PowerScale.LINEAR,
        false,
        "",
        0,
        0,
        null,
        0,
        0,
        Scenario.TRAIN,
        DEFAULT_VALIDATION_EPISODES,
        false,
        0,
        false,
        Scenario.CO_LOCATED,
        0,
        0);
  }

  /**
   * The settings our shipped checkpoints are trained with (see the README's ablation): our switches
   * on, and 5 instead of 20 passes per update at a learning rate of 3e-4 instead of 1e-4, which
   * measured the same test figures per environment step at 2.4 times the steps per second.
   */
  public static MahppoConfig recommended() {
    return published().toBuilder()
        .rollout(1024, 256, 5)
        .learningRates(3e-4, 3e-4)
        .criticTarget(CriticTarget.LAMBDA_RETURN)
        .valueNormalisation(true)
        .orthogonalInit(true)
        .maxGradNorm(0.5)
        .actionMasking(true)
        .richState(true)
        .reward(RewardKind.OBJECTIVE)
        .lrAnnealing(true)
        .build();
  }

  /**
   * The networks' shape these settings give for a system.
   *
   * @param ues UEs of the system trained on
   * @param channels its uplink sub-channels
   * @return the shape
   */
  public PolicyShape policyShape(int ues, int channels) {
    return new PolicyShape(
        ues,
        channels,
        sharedActor,
        maxUes,
        richState,
        trunkHidden,
        headHidden,
        criticHidden,
        distanceOrder,
        powerLevels,
        autoregressive,
        conditionedOnBeta());
  }

  /** Whether the policy reads beta and is trained over a range of it ({@code betaMax > 0}). */
  public boolean conditionedOnBeta() {
    return betaMax > 0;
  }

  /**
   * The weight of the point head's entropy bonus after some steps: {@code entropyCoef} plus {@code
   * pointEntropyExtra} falling linearly to 0 at {@code totalSteps}.
   *
   * @param stepsDone environment steps trained so far, at least 0
   * @return the weight, at least {@code entropyCoef}
   */
  public double pointEntropyCoef(long stepsDone) {
    return entropyCoef + pointEntropyExtra * Math.max(0, 1 - (double) stepsDone / totalSteps);
  }

  /**
   * The energy weight of the training reward.
   *
   * @param scenarioBeta the scenario's beta, the one the policy is judged on
   * @return {@code rewardBeta} if set, else {@code scenarioBeta}
   */
  public double trainingBeta(double scenarioBeta) {
    return rewardBeta == null ? scenarioBeta : rewardBeta;
  }

  /** Minibatches per update: {@code epochs * rolloutSteps / minibatchSize}. */
  public int minibatchesPerUpdate() {
    return epochs * (rolloutSteps / minibatchSize);
  }

  /** Returns a builder that starts from this config. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Changes a few values of a config; {@link #build()} validates the result. */
  public static final class Builder {
    private long totalSteps;
    private double gamma;
    private double gaeLambda;
    private double clipEpsilon;
    private double entropyCoef;
    private double actorLearningRate;
    private double criticLearningRate;
    private int rolloutSteps;
    private int minibatchSize;
    private int epochs;
    private double episodeSlotFactor;
    private List<Integer> trunkHidden;
    private int headHidden;
    private List<Integer> criticHidden;
    private double adamBeta1;
    private double adamBeta2;
    private double adamEpsilon;
    private CriticTarget criticTarget;
    private boolean valueNormalisation;
    private boolean orthogonalInit;
    private double maxGradNorm;
    private boolean actionMasking;
    private boolean richState;
    private RewardKind reward;
    private boolean lrAnnealing;
    private boolean sharedActor;
    private int maxUes;
    private PowerScale powerScale;
    private boolean keepBest;
    private String warmStartTeacher;
    private long warmStartSteps;
    private double pointEntropyExtra;
    private Double rewardBeta;
    private double keepBestMaxLatency;
    private double coLocatedFraction;
    private Scenario trainingScenario;
    private int validationEpisodes;
    private boolean distanceOrder;
    private int powerLevels;
    private boolean autoregressive;
    private double betaMin;
    private double betaMax;
    private Scenario coLocatedScenario;

    private Builder(MahppoConfig c) {
      totalSteps = c.totalSteps;
      gamma = c.gamma;
      gaeLambda = c.gaeLambda;
      clipEpsilon = c.clipEpsilon;
      entropyCoef = c.entropyCoef;
      actorLearningRate = c.actorLearningRate;
      criticLearningRate = c.criticLearningRate;
      rolloutSteps = c.rolloutSteps;
      minibatchSize = c.minibatchSize;
      epochs = c.epochs;
      episodeSlotFactor = c.episodeSlotFactor;
      trunkHidden = c.trunkHidden;
      headHidden = c.headHidden;
      criticHidden = c.criticHidden;
      adamBeta1 = c.adamBeta1;
      adamBeta2 = c.adamBeta2;
      adamEpsilon = c.adamEpsilon;
      criticTarget = c.criticTarget;
      valueNormalisation = c.valueNormalisation;
      orthogonalInit = c.orthogonalInit;
      maxGradNorm = c.maxGradNorm;
      actionMasking = c.actionMasking;
      richState = c.richState;
      reward = c.reward;
      lrAnnealing = c.lrAnnealing;
      sharedActor = c.sharedActor;
      maxUes = c.maxUes;
      powerScale = c.powerScale;
      keepBest = c.keepBest;
      warmStartTeacher = c.warmStartTeacher;
      warmStartSteps = c.warmStartSteps;
      pointEntropyExtra = c.pointEntropyExtra;
      rewardBeta = c.rewardBeta;
      keepBestMaxLatency = c.keepBestMaxLatency;
      coLocatedFraction = c.coLocatedFraction;
      trainingScenario = c.trainingScenario;
      validationEpisodes = c.validationEpisodes;
      distanceOrder = c.distanceOrder;
      powerLevels = c.powerLevels;
      autoregressive = c.autoregressive;
      coLocatedScenario = c.coLocatedScenario;
      betaMin = c.betaMin;
      betaMax = c.betaMax;
    }

    /** Sets {@link MahppoConfig#totalSteps()}. */
    public Builder totalSteps(long v) {
      totalSteps = v;
      return this;
    }

    /** Sets {@link MahppoConfig#episodeSlotFactor()}. */
    public Builder episodeSlotFactor(double v) {
      episodeSlotFactor = v;
      return this;
    }

    /** Sets {@link MahppoConfig#trunkHidden()}, the actor trunk's hidden widths. */
    public Builder trunkHidden(List<Integer> v) {
      trunkHidden = v;
      return this;
    }

    /** Sets {@link MahppoConfig#powerScale()}. */
    public Builder powerScale(PowerScale v) {
      powerScale = v;
      return this;
    }

    /** Sets {@link MahppoConfig#keepBest()}. */
    public Builder keepBest(boolean v) {
      keepBest = v;
      return this;
    }

    /** Sets {@link MahppoConfig#warmStartTeacher()} and {@link MahppoConfig#warmStartSteps()}. */
    public Builder warmStart(String teacher, long steps) {
      warmStartTeacher = teacher;
      warmStartSteps = steps;
      return this;
    }

    /** Sets {@link MahppoConfig#gamma()}. */
    public Builder gamma(double v) {
      gamma = v;
      return this;
    }

    /** Sets {@link MahppoConfig#gaeLambda()}. */
    public Builder gaeLambda(double v) {
      gaeLambda = v;
      return this;
    }

    /** Sets {@link MahppoConfig#entropyCoef()}. */
    public Builder entropyCoef(double v) {
      entropyCoef = v;
      return this;
    }

    /** Sets {@link MahppoConfig#rewardBeta()}; null = the scenario's beta. */
    public Builder rewardBeta(Double v) {
      rewardBeta = v;
      return this;
    }

    /** Sets {@link MahppoConfig#keepBestMaxLatency()}, in seconds per task; 0 = no cap. */
    public Builder keepBestMaxLatency(double v) {
      keepBestMaxLatency = v;
      return this;
    }

    /** Sets {@link MahppoConfig#validationEpisodes()}. */
    public Builder validationEpisodes(int v) {
      validationEpisodes = v;
      return this;
    }

    /** Sets {@link MahppoConfig#trainingScenario()}. */
    public Builder trainingScenario(Scenario v) {
      trainingScenario = v;
      return this;
    }

    /** Sets {@link MahppoConfig#coLocatedFraction()}, in [0, 1]; 0 = none. */
    public Builder coLocatedFraction(double v) {
      coLocatedFraction = v;
      return this;
    }

    /** Sets {@link MahppoConfig#pointEntropyExtra()}. */
    public Builder pointEntropyExtra(double v) {
      pointEntropyExtra = v;
      return this;
    }

    /** Sets both learning rates. */
    public Builder learningRates(double actor, double critic) {
      actorLearningRate = actor;
      criticLearningRate = critic;
      return this;
    }

    /** Sets rollout length, minibatch size and passes per update. */
    public Builder rollout(int steps, int minibatch, int passes) {
      rolloutSteps = steps;
      minibatchSize = minibatch;
      epochs = passes;
      return this;
    }

    /** Sets the hidden widths of trunk, heads and critic. */
    public Builder widths(List<Integer> trunk, int head, List<Integer> critic) {
      trunkHidden = trunk;
      headHidden = head;
      criticHidden = critic;
      return this;
    }

    /** Sets {@link MahppoConfig#criticTarget()}. */
    public Builder criticTarget(CriticTarget v) {
      criticTarget = v;
      return this;
    }

    /** Sets {@link MahppoConfig#valueNormalisation()}. */
    public Builder valueNormalisation(boolean v) {
      valueNormalisation = v;
      return this;
    }

    /** Sets {@link MahppoConfig#orthogonalInit()}. */
    public Builder orthogonalInit(boolean v) {
      orthogonalInit = v;
      return this;
    }

    /** Sets {@link MahppoConfig#maxGradNorm()}. */
    public Builder maxGradNorm(double v) {
      maxGradNorm = v;
      return this;
    }

    /** Sets {@link MahppoConfig#actionMasking()}. */
    public Builder actionMasking(boolean v) {
      actionMasking = v;
      return this;
    }

    /** Sets {@link MahppoConfig#richState()}. */
    public Builder richState(boolean v) {
      richState = v;
      return this;
    }

    /** Sets {@link MahppoConfig#distanceOrder()}. */
    public Builder distanceOrder(boolean v) {
      distanceOrder = v;
      return this;
    }

    /** Sets {@link MahppoConfig#powerLevels()}. */
    public Builder powerLevels(int v) {
      powerLevels = v;
      return this;
    }

    /** Sets {@link MahppoConfig#autoregressive()}. */
    public Builder autoregressive(boolean v) {
      autoregressive = v;
      return this;
    }

    /**
     * Sets {@link MahppoConfig#betaMin()} and {@link MahppoConfig#betaMax()}; both 0 = not
     * conditioned on beta.
     */
    public Builder betaRange(double min, double max) {
      betaMin = min;
      betaMax = max;
      return this;
    }

    /** Sets {@link MahppoConfig#coLocatedScenario()}. */
    public Builder coLocatedScenario(Scenario v) {
      coLocatedScenario = v;
      return this;
    }

    /** Sets {@link MahppoConfig#reward()}. */
    public Builder reward(RewardKind v) {
      reward = v;
      return this;
    }

    /** Sets {@link MahppoConfig#lrAnnealing()}. */
    public Builder lrAnnealing(boolean v) {
      lrAnnealing = v;
      return this;
    }

    /** Sets {@link MahppoConfig#sharedActor()} and {@link MahppoConfig#maxUes()}. */
    public Builder sharedActor(boolean v, int ues) {
      sharedActor = v;
      maxUes = ues;
      return this;
    }

    /** Builds and validates the config. */
    public MahppoConfig build() {
      return new MahppoConfig(
          totalSteps,
          gamma,
          gaeLambda,
          clipEpsilon,
          entropyCoef,
          actorLearningRate,
          criticLearningRate,
          rolloutSteps,
          minibatchSize,
          epochs,
          episodeSlotFactor,
          trunkHidden,
          headHidden,
          criticHidden,
          adamBeta1,
          adamBeta2,
          adamEpsilon,
          criticTarget,
          valueNormalisation,
          orthogonalInit,
          maxGradNorm,
          actionMasking,
          richState,
          reward,
          lrAnnealing,
          sharedActor,
          maxUes,
          powerScale,
          keepBest,
          warmStartTeacher,
          warmStartSteps,
          pointEntropyExtra,
          rewardBeta,
          keepBestMaxLatency,
          coLocatedFraction,
          trainingScenario,
          validationEpisodes,
          distanceOrder,
          powerLevels,
          autoregressive,
          coLocatedScenario,
          betaMin,
          betaMax);
    }
  }
}
