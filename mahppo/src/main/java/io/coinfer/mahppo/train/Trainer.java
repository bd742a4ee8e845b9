package io.coinfer.mahppo.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mahppo.checkpoint.Provenance;
import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.config.MahppoConfig.RewardKind;
import io.coinfer.mahppo.policy.Features;
import io.coinfer.mahppo.policy.JavaPolicy;
import io.coinfer.mahppo.policy.JavaPolicy.ActorOutputs;
import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mahppo.policy.PolicyWeights;
import io.coinfer.mahppo.ppo.PpoUpdater;
import io.coinfer.mahppo.ppo.RolloutBuffer;
import io.coinfer.mahppo.ppo.RunningStats;
import io.coinfer.mahppo.ppo.UpdateStats;
import io.coinfer.mahppo.serve.MahppoScheduler;
import io.coinfer.mec.eval.EpisodeMetrics;
import io.coinfer.mec.eval.EvaluationSummary;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Trains MAHPPO on the training scenario of mec-core's simulator.
 *
 * <p>Rollouts run in plain Java (actors and critic in {@link JavaPolicy}, the allocation-free
 * {@link MecEnvironment#step(int[], int[], double[], double[])}); every {@code rolloutSteps} slots
 * {@link PpoUpdater} runs the PPO update on DJL. After every update the deterministic policy is
 * measured on the test scenario; the run writes {@code metrics.csv}, {@code learning-curve.png} and
 * a checkpoint (with {@code optimizer.bin} for {@code --resume}) into its output directory, and
 * with {@link MahppoConfig#keepBest()} the best one so far by validation into {@code best/}. With
 * one intra-op thread the same seed gives the same figures.
 */
public final class Trainer {

  /**
   * Slot cap of the test episode measured after every update: an untrained policy may send at
   * almost zero power and never finish; such an episode is cut here and counted as it stands.
   */
  public static final int TEST_SLOT_LIMIT = 2000;

  /**
   * Run seed of the validation episodes; {@code coinfer evaluate} runs seeds 1, 2, ... whose
   * episode seeds ({@link Evaluator#episodeSeed}) never meet these.
   */
  public static final long VALIDATION_SEED = 0x5EED_0F_BE57L;

  /** Updates between two intermediate checkpoints. */
  public static final int CHECKPOINT_EVERY = 50;

  /**
   * What to train.
   *
   * @param scenario the system (net, UEs, sub-channels, ...)
   * @param config the hyperparameters; a resumed run keeps the checkpoint's except {@code
   *     totalSteps}
   * @param seed the run's seed
   * @param out output directory
   * @param resume checkpoint directory to continue from, or null
   * @param initFrom checkpoint directory whose weights (and value statistics) start a new run with
   *     this run's config, from step 0 and a fresh optimiser (fine-tuning), or null; not together
   *     with {@code resume}. Independent per-UE actors may start autoregressive ones ({@link
   *     PolicyWeights#asAutoregressive()})
   * @param command the command line, recorded in the checkpoint's provenance
   */
  public record Options(
      ScenarioConfig scenario,
      MahppoConfig config,
      long seed,
      Path out,
      Path resume,
      Path initFrom,
      String command) {

    /** Fails when both a checkpoint to resume and one to start from are given. */
    public Options {
      if (resume != null && initFrom != null) {
        throw new IllegalArgumentException(
            "resume (" + resume + ") and initFrom (" + initFrom + ") exclude each other");
      }
    }

    /** A run from scratch or resumed, not fine-tuned. */
    public Options(
        ScenarioConfig scenario,
        MahppoConfig config,
        long seed,
        Path out,
        Path resume,
        String command) {
      this(scenario, config, seed, out, resume, null, command);
    }
  }

  private Trainer() {}

  /**
   * Runs a training.
   *
   * @param options what to train
   * @param listener told about progress
   * @return the final figures and the checkpoint's directory
   */
  public static TrainingResult train(Options options, TrainingListener listener) {
    Checkpoint resumed = options.resume() == null ? null : Checkpoint.read(options.resume());
    Checkpoint init = options.initFrom() == null ? null : Checkpoint.read(options.initFrom());
    MahppoConfig config =
        resumed == null
            ? options.config()
            : resumed.config().toBuilder().totalSteps(options.config().totalSteps()).build();
    ScenarioConfig sc = options.scenario();
    requireSameSystem(resumed, options.resume(), sc);
    requireSameSystem(init, options.initFrom(), sc);
    PolicyShape shape = config.policyShape(sc.ues(), sc.channels());
    // independent actors start autoregressive ones that ignore the choices until trained to read
    // them, and any networks beta-conditioned ones that ignore beta until trained to read it
    PolicyWeights initWeights =
        init == null
            ? null
            : shape.autoregressive() && !init.weights().shape().sharedActor()
                ? init.weights().asAutoregressive()
                : init.weights();
    if (initWeights != null && shape.betaInput()) {
      initWeights = initWeights.withBetaInput();
    }
    // the input order is not part of the weights: a run may start from another order's checkpoint
    if (init != null
        && !initWeights.shape().withDistanceOrder(shape.distanceOrder()).equals(shape)) {
      throw new IllegalArgumentException(
          "checkpoint "
              + options.initFrom()
              + " has the policy shape "
              + init.weights().shape()
              + "; this run's switches give "
              + shape
              + " (check --rich-state, --shared-actor, --autoregressive and --beta-range)");
    }
    long startSteps = resumed == null ? 0 : resumed.provenance().steps();
    long seed = options.seed() ^ (startSteps * 0x9E3779B97F4A7C15L);
    Checkpoint start = resumed != null ? resumed : init;
    PolicyWeights weights =
        start == null
            ? PolicyWeights.initialise(shape, config.orthogonalInit(), new Random(options.seed()))
            : new PolicyWeights(
                shape, (resumed != null ? resumed.weights() : initWeights).copy().tensors());
    try (NDManager root = NDManager.newBaseManager();
        PpoUpdater updater =
            new PpoUpdater(config, weights, sc.pmaxWatts(), new SplittableRandom(seed + 2), root)) {
      long updates = 0;
      if (start != null) {
        updater.restoreValueStats(start.valueStats());
      }
      if (resumed != null) {
        updater.adam().restore(Checkpoint.readOptimizer(options.resume()), resumed.adamSteps());
        updates = resumed.updates();
      }
      return new Run(options, config, sc, shape, weights, updater, seed, startSteps, updates)
          .execute(listener);
    }
  }

  /** Fails when a checkpoint was trained for another net, fleet size or number of sub-channels. */
  private static void requireSameSystem(Checkpoint cp, Path dir, ScenarioConfig sc) {
    if (cp != null
        && (cp.weights().shape().ues() != sc.ues()
            || cp.weights().shape().channels() != sc.channels()
            || !cp.provenance().net().equals(sc.net().id()))) {
      throw new IllegalArgumentException(
          "checkpoint "
              + dir
              + " was trained for "
              + cp.provenance().net()
              + " with "
              + cp.provenance().ues()
              + " UEs and "
              + cp.provenance().channels()
              + " sub-channels; the command asks for "
              + sc.net()
              + ", "
              + sc.ues()
              + ", "
              + sc.channels());
    }
  }

  /** The state of one run. */
  private static final class Run {
    private final Options options;
    private final MahppoConfig config;
    private final ScenarioConfig sc;

    /**
     * Energy weight of the training reward: {@link MahppoConfig#trainingBeta}, or for a
     * beta-conditioned policy the current episode's draw.
     */
    private double rewardBeta;

    private final PolicyWeights weights;
    private final PpoUpdater updater;
    private final MecEnvironment env;
    private final Features features;
    private final JavaPolicy policy;
    private final ActorOutputs outs;
    private final RolloutBuffer buffer;
    private final RolloutBuffer taught;
    private final SplittableRandom episodes;
    private final SplittableRandom actions;

    /** Draws every place's action from {@link #actions} (one chooser, not one per step). */
    private final JavaPolicy.Chooser sample;

    private final Evaluator testEvaluator;
    private final MahppoScheduler testScheduler;
    private final Evaluator validationEvaluator;

    /** The betas validation is run at, one scheduler per beta (the scenario's, or the range's). */
    private final double[] validationBetas;

    private final MahppoScheduler[] validationSchedulers;

    private final Scheduler teacher;
    private double bestObjective = Double.POSITIVE_INFINITY;
    private Path best;
    private final int n;
    private final int slotCap;
    private final long startSteps;
    private long steps;
    private long updates;

    private final double[] state;
    private final int[] lastPoint;
    private final int[] lastChannel;
    private final double[] lastPower;
    private final int[] point;
    private final int[] channel;
    private final int[] actedPoint;
    private final int[] actedChannel;
    private final double[] actedPower;
    private final CloneFidelity fidelity = new CloneFidelity();
    private final float[] rawPower;
    private final float[] lpPoint;
    private final float[] lpChannel;
    private final float[] lpPower;
    private final float[] ueFeatures;
    private final float[] nextFeatures;
    private final float[] actorInput;
    private int episodeSlots;
    private double episodeReturn;
    private double returnSum;
    private int returnCount;

    Run(
        Options options,
        MahppoConfig config,
        ScenarioConfig sc,
        PolicyShape shape,
        PolicyWeights weights,
        PpoUpdater updater,
        long seed,
        long startSteps,
        long updates) {
      this.options = options;
      this.config = config;
      this.sc = sc;
      this.weights = weights;
      this.updater = updater;
      this.n = sc.ues();
      this.rewardBeta = config.trainingBeta(sc.beta());
      this.env = new MecEnvironment(sc.withBeta(rewardBeta), config.trainingScenario());
      this.features = new Features(shape, n, sc.pmaxWatts());
      this.policy = new JavaPolicy(weights, n, sc.pmaxWatts());
      this.outs = policy.newOutputs();
      this.buffer = new RolloutBuffer(config.rolloutSteps(), shape);
      long cloningRollouts = Math.max(0, config.warmStartSteps() - startSteps);
      cloningRollouts = (cloningRollouts + config.rolloutSteps() - 1) / config.rolloutSteps();
      this.taught =
          cloningRollouts > 0
              ? new RolloutBuffer(Math.toIntExact(cloningRollouts * config.rolloutSteps()), shape)
              : null;
      this.episodes = new SplittableRandom(seed);
      this.actions = new SplittableRandom(seed + 1);
      this.sample = (o, k) -> o.chooseSample(k, actions);
      this.testEvaluator = new Evaluator(sc, Scenario.TEST, TEST_SLOT_LIMIT);
      this.teacher =
          config.warmStartSteps() > 0
              ? Schedulers.create(config.warmStartTeacher(), sc, seed + 3)
              : null;
      this.validationEvaluator = new Evaluator(sc, Scenario.RANDOM_POSITIONS, TEST_SLOT_LIMIT);
      this.testScheduler =
          new MahppoScheduler("mahppo", weights, config.powerScale(), sc, false, 0);
      this.validationBetas =
          config.conditionedOnBeta()
              ? java.util.stream.DoubleStream.of(config.betaMin(), config.betaMax())
                  .distinct()
                  .toArray()
              : new double[] {sc.beta()};
      this.validationSchedulers = new MahppoScheduler[validationBetas.length];
      for (int i = 0; i < validationBetas.length; i++) {
        validationSchedulers[i] =
            new MahppoScheduler(
                "mahppo", weights, config.powerScale(), sc.withBeta(validationBetas[i]), false, 0);
      }
      this.slotCap =
          Math.max(1, (int) (sc.lambda() * config.episodeSlotFactor() / sc.slotSeconds()));
      this.startSteps = startSteps;
      this.steps = startSteps;
      this.updates = updates;
      state = new double[env.stateSize()];
      lastPoint = new int[n];
      lastChannel = new int[n];
      lastPower = new double[n];
      point = new int[n];
      channel = new int[n];
      actedPoint = new int[n];
      actedChannel = new int[n];
      actedPower = new double[n];
      rawPower = new float[n];
      lpPoint = new float[n];
      lpChannel = new float[n];
      lpPower = new float[n];
      ueFeatures = new float[shape.globalFeatures()];
      nextFeatures = new float[shape.globalFeatures()];
      actorInput = new float[features.actorRows() * shape.actorInput()];
    }

    TrainingResult execute(TrainingListener listener) {
      Path out = options.out();
      References refs = references();
      listener.started(startSteps, config.totalSteps(), refs);
      List<UpdateRecord> history = new ArrayList<>(MetricsFiles.readHistory(out));
      long t0 = System.nanoTime();
      resetEpisode();
      EpisodeMetrics test = null;
      try (BufferedWriter csv = MetricsFiles.openCsv(out, startSteps > 0)) {
        while (steps < config.totalSteps()) {
          long before = steps;
          boolean cloning = teacher != null && steps < config.warmStartSteps();
          collectRollout(cloning);
          if (cloning) {
            taught.append(buffer);
          }
          UpdateStats stats =
              cloning
                  ? updater.cloneBehaviour(buffer, taught, before)
                  : updater.update(buffer, before);
          updates++;
          test = testEvaluator.runEpisode(testScheduler, 0);
          double seconds = (System.nanoTime() - t0) / 1e9;
          UpdateRecord record =
              new UpdateRecord(
                  updates,
                  steps,
                  seconds,
                  (steps - startSteps) / seconds,
                  stats,
                  returnCount == 0 ? Double.NaN : returnSum / returnCount,
                  test.latencyPerTask(),
                  test.energyPerTask(),
                  cloning ? fidelity.pointAgreement() : Double.NaN,
                  cloning ? fidelity.channelAgreement() : Double.NaN,
                  cloning ? fidelity.powerDecades() : Double.NaN);
          returnSum = 0;
          returnCount = 0;
          history.add(record);
          csv.write(record.csvRow());
          csv.newLine();
          csv.flush();
          listener.updated(record);
          if (updates % CHECKPOINT_EVERY == 0) {
            save(out.resolve("checkpoint"), seconds, test);
          }
          if (config.keepBest()) {
            keepIfBest(out, seconds, test);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write metrics into " + out, e);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (test == null) {
        test = testEvaluator.runEpisode(testScheduler, 0);
      }
      Path dir = save(out.resolve("checkpoint"), seconds, test);
      LearningCurvePlot.write(history, refs, sc.net().id(), out.resolve("learning-curve.png"));
      return new TrainingResult(
          steps,
          seconds,
          (steps - startSteps) / seconds,
          test.latencyPerTask(),
          test.energyPerTask(),
          dir,
          best,
          bestObjective);
    }

    /**
     * Saves the policy into {@code out/best} when its validation objective (at the scenario's beta;
     * for a beta-conditioned policy the mean of those at the range's ends) is the lowest yet among
     * updates whose (mean) validation latency meets {@link MahppoConfig#keepBestMaxLatency()}.
     */
    private void keepIfBest(Path out, double seconds, EpisodeMetrics test) {
      double objective = 0;
      double latency = 0;
      for (int i = 0; i < validationBetas.length; i++) {
        EvaluationSummary v =
            validationEvaluator.evaluate(
                validationSchedulers[i], config.validationEpisodes(), VALIDATION_SEED, k -> {});
        objective +=
            (v.latencyPerTask() + validationBetas[i] * v.energyPerTask()) / validationBetas.length;
        latency += v.latencyPerTask() / validationBetas.length;
      }
      double cap = config.keepBestMaxLatency();
      if (objective < bestObjective && (cap == 0 || latency <= cap)) {
        bestObjective = objective;
        best = save(out.resolve("best"), seconds, test);
      }
    }

    private References references() {
      EpisodeMetrics local = testEvaluator.runEpisode(Schedulers.create("local", sc, 0), 0);
      EpisodeMetrics stat = testEvaluator.runEpisode(Schedulers.create("static-search", sc, 0), 0);
      return new References(
          local.latencyPerTask(), local.energyPerTask(),
          stat.latencyPerTask(), stat.energyPerTask());
    }

    private Path save(Path dir, double seconds, EpisodeMetrics test) {
      Provenance p =
          new Provenance(
              sc.net().id(),
              sc.ues(),
              sc.channels(),
              options.seed(),
              steps,
              seconds,
              GitCommit.current(),
              Engine.getDjlVersion(),
              Engine.getEngine("PyTorch").getVersion(),
              Instant.now().toString(),
              test.latencyPerTask(),
              test.energyPerTask(),
              options.command());
      RunningStats stats = updater.valueStats();
      Checkpoint cp = new Checkpoint(p, config, weights, stats, updater.adam().steps(), updates);
      cp.write(dir, updater.adam().state());
      return dir;
    }

    private void resetEpisode() {
      long episodeSeed = episodes.nextLong();
      double[] s =
          config.coLocatedFraction() > 0 && episodes.nextDouble() < config.coLocatedFraction()
              ? env.reset(config.coLocatedScenario().draw(sc, episodeSeed))
              : env.reset(episodeSeed);
      if (teacher != null) {
        teacher.reset(episodeSeed);
      }
      System.arraycopy(s, 0, state, 0, s.length);
      for (int u = 0; u < n; u++) {
        Action a = env.pendingAction(u);
        lastPoint[u] = a.point();
        lastChannel[u] = a.channel();
        lastPower[u] = a.powerWatts();
      }
      episodeSlots = 0;
      episodeReturn = 0;
      if (config.sharedActor()) {
        features.assignIndexSlots(randomSlots());
      }
      if (config.conditionedOnBeta()) {
        double lo = Math.log(config.betaMin());
        rewardBeta = Math.exp(lo + episodes.nextDouble() * (Math.log(config.betaMax()) - lo));
        features.setBeta(rewardBeta);
      }
    }

    /**
     * Distinct random slots of the shared actor's UE index, one per place (partial shuffle); with
     * the distance order in increasing order, so that slots follow the places' distance ranks as
     * they do when serving ({@link Features}).
     */
    private int[] randomSlots() {
      int[] all = new int[config.maxUes()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      for (int i = 0; i < n; i++) {
        int j = i + episodes.nextInt(all.length - i);
        int t = all[i];
        all[i] = all[j];
        all[j] = t;
      }
      int[] slots = java.util.Arrays.copyOf(all, n);
      if (config.distanceOrder()) {
        java.util.Arrays.sort(slots);
      }
      return slots;
    }

    /**
     * Fills the buffer with one rollout.
     *
     * @param cloning the warm-start teacher labels every slot: its actions are stored (with their
     *     log-probability under the current policy) for the cloning update, while the policy's most
     *     likely actions, the ones it serves, drive the environment (DAgger). Had the teacher
     *     acted, the rich state's last action would equal the next label in every slot but the
     *     first, and the clone would learn to repeat its last action rather than the teacher's
     *     choice. How often the policy agreed with the teacher goes into {@link #fidelity}.
     */
    private void collectRollout(boolean cloning) {
      buffer.clear();
      fidelity.clear();
      double pmax = sc.pmaxWatts();
      double meanTasks = (double) env.episodeTasks() / n;
      while (!buffer.full()) {
        features.ueFeatures(state, lastPoint, lastChannel, lastPower, ueFeatures);
        features.actorInput(ueFeatures, actorInput);
        if (cloning) {
          policy.act(actorInput, outs, ActorOutputs::chooseMode);
        } else {
          policy.act(actorInput, outs, sample);
        }
        float value = (float) updater.denormalise(policy.value(ueFeatures));
        Action[] taught = cloning ? teacher.decide(SchedulingContext.of(env)) : null;
        // place k's actor decides for UE ue; the buffer keeps places, the environment UEs
        for (int k = 0; k < n; k++) {
          int ue = features.ueAt(k);
          double x;
          if (cloning) {
            actedPoint[ue] = outs.point[k];
            actedChannel[ue] = outs.channel[k];
            actedPower[ue] = config.powerScale().watts(outs.power[k], pmax);
            point[k] = taught[ue].point();
            channel[k] = taught[ue].channel();
            x = outs.representable(config.powerScale().sample(taught[ue].powerWatts(), pmax));
            fidelity.add(
                actedPoint[ue],
                actedChannel[ue],
                actedPower[ue],
                point[k],
                channel[k],
                taught[ue].powerWatts());
          } else {
            point[k] = outs.point[k];
            channel[k] = outs.channel[k];
            x = outs.power[k];
          }
          if (!outs.powerFinite(k) || !Float.isFinite(value)) {
            throw new IllegalStateException(
                "training diverged at step "
                    + steps
                    + ": the networks output non-finite numbers; try a lower --lr or"
                    + " --max-grad-norm 0.5");
          }
          rawPower[k] = (float) x;
          if (!cloning) {
            actedPoint[ue] = point[k];
            actedChannel[ue] = channel[k];
            actedPower[ue] = config.powerScale().watts(x, pmax);
          }
          lpPoint[k] = outs.pointLogits[k][point[k]];
          lpChannel[k] = outs.channelLogits[k][channel[k]];
          lpPower[k] = outs.powerLogProb(k, rawPower[k]);
        }
        buffer.add(
            ueFeatures, actorInput, point, channel, rawPower, lpPoint, lpChannel, lpPower, value);
        double reward = env.step(actedPoint, actedChannel, actedPower, state);
        if (config.reward() != RewardKind.PUBLISHED) {
          reward = objectiveReward(config.reward(), env, rewardBeta, meanTasks);
        }
        steps++;
        episodeSlots++;
        episodeReturn += reward;
        boolean terminal = env.done();
        boolean truncated = !terminal && episodeSlots >= slotCap;
        boolean lastOfRollout = buffer.size() == config.rolloutSteps() - 1;
        boolean cut = !terminal && (truncated || lastOfRollout);
        System.arraycopy(actedPoint, 0, lastPoint, 0, n);
        System.arraycopy(actedChannel, 0, lastChannel, 0, n);
        System.arraycopy(actedPower, 0, lastPower, 0, n);
        float next = 0;
        if (cut) {
          features.ueFeatures(state, lastPoint, lastChannel, lastPower, nextFeatures);
          next = (float) updater.denormalise(policy.value(nextFeatures));
        }
        buffer.finish((float) reward, terminal, cut, next);
        if (terminal || truncated) {
          returnSum += episodeReturn;
          returnCount++;
          resetEpisode();
          meanTasks = (double) env.episodeTasks() / n;
        }
      }
    }
  }

  /**
   * The reward of the slot just stepped for {@link RewardKind#OBJECTIVE} and {@link
   * RewardKind#MAKESPAN}: {@code -100 (t + beta E) / K}, with {@code t} the slot length (for {@code
   * MAKESPAN} in the episode's last slot: the time from the slot's start to the last completion),
   * {@code E} the mean UE energy in the slot (J) and {@code K} the mean number of tasks per UE of
   * the episode.
   *
   * @param kind the reward kind, not {@link RewardKind#PUBLISHED}
   * @param env the environment, just stepped
   * @param beta the energy weight
   * @param meanTasks tasks per UE of the episode
   * @return the reward
   */
  static double objectiveReward(
      RewardKind kind, MecEnvironment env, double beta, double meanTasks) {
    int n = env.ues();
    double energy = 0;
    for (int u = 0; u < n; u++) {
      energy += env.slotEnergy(u);
    }
    double slotSeconds = env.config().slotSeconds();
    double seconds = slotSeconds;
    if (kind == RewardKind.MAKESPAN && env.done()) {
      seconds = env.lastCompletionSeconds() - (env.slot() - 1) * slotSeconds;
    }
    return -100 * (seconds + beta * energy / n) / meanTasks;
  }
}
