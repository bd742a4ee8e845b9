package io.coinfer.mahppo.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.config.MahppoConfig.CriticTarget;
import io.coinfer.mahppo.policy.DjlNetworks;
import io.coinfer.mahppo.policy.DjlNetworks.ActorHeads;
import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mahppo.policy.PolicyWeights;
import io.coinfer.mahppo.policy.Scalars;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The PPO update of MAHPPO: GAE over the rollout, one normalised advantage shared by every head of
 * every UE, a clipped surrogate per head, an entropy bonus, a critic regressed on TD targets or
 * lambda-returns, Adam. Minibatches are drawn with replacement, as published. Every minibatch runs
 * in its own sub-NDManager; after the update the new weights are copied back into the plain-Java
 * {@link PolicyWeights} that the rollout reads.
 */
public final class PpoUpdater implements AutoCloseable {

  private static final int STATS = 9;

  /**
   * Minibatches of a behaviour-cloning update, in rollouts' worth. A teacher such as {@code
   * static-search} costs 0.5-1.3 s of CPU per 5-UE episode (it simulates the episode for every
   * candidate plan at the first decision), 0.03-0.1 s per slot, many times the policy's update per
   * slot, so its labels are reused for many more passes than PPO's.
   */
  static final int CLONING_PASSES = 20;

  /**
   * The actors' learning rate while cloning, not annealed: cloning is supervised learning and needs
   * far more steps than the small learning rate that keeps PPO from forgetting the clone allows.
   */
  static final double CLONING_LEARNING_RATE = 1e-3;

  /**
   * Weight of the power head's cloning loss, the cross-entropy between the teacher's power and the
   * head's mean, both as fractions of pmax ({@link #powerCrossEntropy}). The mean only: the
   * likelihood of a deterministic teacher's power would drive the std to its floor, where the
   * gradients overflow and PPO has nothing left to explore with.
   */
  private static final double CLONING_POWER_WEIGHT = 10;

  /**
   * How close to 0 and 1 the power mean's fraction of pmax is clamped before its logarithms are
   * taken.
   */
  private static final double FRACTION_FLOOR = 1e-6;

  private final MahppoConfig config;
  private final PolicyShape shape;
  private final PolicyWeights weights;
  private final double pmax;
  private final NDManager manager;
  private final DjlNetworks networks;
  private final Adam adam;
  private final SplittableRandom random;
  private RunningStats valueStats = RunningStats.initial();

  private final int batch;
  private final float[] actorIn;
  private final float[] criticIn;
  private final float[] pointOneHot;
  private final float[] channelOneHot;
  private final float[] power;
  private final float[] powerOneHot;
  private final float[] oldPoint;
  private final float[] oldChannel;
  private final float[] oldPower;
  private final float[] mask;
  private final float[] adv;
  private final float[] target;

  /**
   * Creates the trainable copy of the networks and the optimiser.
   *
   * @param config hyperparameters
   * @param weights the plain-Java weights; updated in place after every update
   * @param pmax maximum transmit power, W
   * @param random the minibatch sampler's randomness
   * @param parent the manager under which all native memory of this updater lives
   */
  public PpoUpdater(
      MahppoConfig config,
      PolicyWeights weights,
      double pmax,
      SplittableRandom random,
      NDManager parent) {
    this.config = config;
    this.shape = weights.shape();
    this.weights = weights;
    this.pmax = pmax;
    this.random = random;
    this.manager = parent.newSubManager();
    this.networks = new DjlNetworks(weights, manager);
    this.adam =
        new Adam(
            networks.parameters(),
            manager,
            config.adamBeta1(),
            config.adamBeta2(),
            config.adamEpsilon());
    batch = config.minibatchSize();
    int n = shape.ues();
    actorIn =
        new float[shape.rowPerUe() ? n * batch * shape.actorInput() : batch * shape.actorInput()];
    criticIn = new float[batch * shape.globalFeatures()];
    pointOneHot = new float[n * batch * PolicyShape.POINTS];
    channelOneHot = new float[n * batch * shape.channels()];
    power = new float[n * batch];
    powerOneHot = new float[n * batch * shape.powerLevels()];
    oldPoint = new float[n * batch];
    oldChannel = new float[n * batch];
    oldPower = new float[n * batch];
    mask = new float[n * batch];
    adv = new float[batch];
    target = new float[batch];
  }

  /** The running statistics of the critic's targets (identity when normalisation is off). */
  public RunningStats valueStats() {
    return valueStats;
  }

  /** A critic output in real units. */
  public double denormalise(double criticOutput) {
    return config.valueNormalisation()
        ? criticOutput * valueStats.std() + valueStats.mean()
        : criticOutput;
  }

  /** The optimiser (for checkpoints). */
  public Adam adam() {
    return adam;
  }

  /** Restores the value statistics from a checkpoint. */
  public void restoreValueStats(RunningStats stats) {
    this.valueStats = stats;
  }

  /** Copies weights loaded from a checkpoint into the trainable networks. */
  public void loadWeights(PolicyWeights loaded) {
    for (Map.Entry<String, NDArray> e : networks.parameters().entrySet()) {
      e.getValue().set(loaded.get(e.getKey()).data());
    }
    networks.copyTo(weights);
  }

  /**
   * Runs one update on a full rollout.
   *
   * @param buffer the rollout
   * @param stepsDone environment steps before this rollout (for learning-rate annealing)
   * @return the diagnostics
   */
  public UpdateStats update(RolloutBuffer buffer, long stepsDone) {
    return train(buffer, buffer, stepsDone, false);
  }

  /**
   * Runs one behaviour-cloning update: the critic regresses on the latest rollout as in {@link
   * #update}, while the actors learn every teacher-labelled slot gathered so far (DAgger's
   * aggregated data set, so that no update forgets the episodes of the earlier rollouts): the point
   * and sub-channel heads maximise the log-likelihood of the teacher's choices and the power head's
   * mean approaches its power, or a categorical power head maximises the log-likelihood of the
   * teacher's nearest level (sub-channel and power masked as in PPO) instead of the clipped
   * surrogate, over {@value #CLONING_PASSES} passes of the rollout's size instead of {@code
   * epochs}, at {@value #CLONING_LEARNING_RATE}. The reported policy losses are the cloning losses.
   *
   * @param rollout the latest rollout, labelled by the teacher
   * @param taught every teacher-labelled slot so far, the latest rollout's included
   * @param stepsDone environment steps before this rollout (for learning-rate annealing)
   * @return the diagnostics
   */
  public UpdateStats cloneBehaviour(RolloutBuffer rollout, RolloutBuffer taught, long stepsDone) {
    return train(rollout, taught, stepsDone, true);
  }

  private UpdateStats train(
      RolloutBuffer buffer, RolloutBuffer taught, long stepsDone, boolean cloning) {
    int t = buffer.capacity;
    float[] advantages = new float[t];
    float[] lambdaReturns = new float[t];
    float[] tdTargets = new float[t];
    buffer.gae(config.gamma(), config.gaeLambda(), advantages, lambdaReturns, tdTargets);
    float[] targets = config.criticTarget() == CriticTarget.TD ? tdTargets : lambdaReturns;
    if (config.valueNormalisation()) {
      valueStats = valueStats.update(targets);
      float mean = (float) valueStats.mean();
      float std = (float) valueStats.std();
      for (int i = 0; i < t; i++) {
        targets[i] = (targets[i] - mean) / std;
      }
    }
    normalise(advantages);
    double explained = explainedVariance(lambdaReturns, buffer.value);
    double frac =
        config.lrAnnealing() ? Math.max(1e-3, 1.0 - (double) stepsDone / config.totalSteps()) : 1;
    double actorLr = cloning ? CLONING_LEARNING_RATE : config.actorLearningRate() * frac;
    double criticLr = config.criticLearningRate() * frac;

    double[] sums = new double[STATS];
    int minibatches =
        cloning ? CLONING_PASSES * (t / config.minibatchSize()) : config.minibatchesPerUpdate();
    for (int k = 0; k < minibatches; k++) {
      fillMinibatch(buffer, taught, advantages, targets);
      float[] s = step(actorLr, criticLr, cloning, config.pointEntropyCoef(stepsDone));
      for (int i = 0; i < STATS; i++) {
        sums[i] += s[i];
      }
    }
    networks.copyTo(weights);
    for (int i = 0; i < STATS; i++) {
      sums[i] /= minibatches;
    }
    return new UpdateStats(
        sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8], explained,
        actorLr);
  }

  /**
   * Draws a minibatch: the critic's inputs and targets (and the advantages) from {@code b}; the
   * actors' inputs and actions from the same slots of {@code actors} when it is {@code b} (PPO),
   * from slots of their own drawn over all of {@code actors} otherwise (cloning).
   */
  private void fillMinibatch(
      RolloutBuffer b, RolloutBuffer actors, float[] advantages, float[] targets) {
    int n = shape.ues();
    int g = shape.globalFeatures();
    int c = shape.channels();
    int in = shape.actorInput();
    java.util.Arrays.fill(pointOneHot, 0f);
    java.util.Arrays.fill(channelOneHot, 0f);
    java.util.Arrays.fill(powerOneHot, 0f);
    for (int j = 0; j < batch; j++) {
      int t = random.nextInt(b.capacity);
      System.arraycopy(b.global, t * g, criticIn, j * g, g);
      adv[j] = advantages[t];
      target[j] = targets[t];
      RolloutBuffer a = actors;
      int ta = a == b ? t : random.nextInt(a.size());
      if (!shape.rowPerUe()) {
        System.arraycopy(a.global, ta * g, actorIn, j * g, g);
      }
      for (int u = 0; u < n; u++) {
        int src = ta * n + u;
        int dst = u * batch + j;
        if (shape.rowPerUe()) {
          System.arraycopy(a.actorInput, ta * a.actorInputLength + u * in, actorIn, dst * in, in);
        }
        pointOneHot[dst * PolicyShape.POINTS + a.point[src]] = 1f;
        channelOneHot[dst * c + a.channel[src]] = 1f;
        power[dst] = a.power[src];
        if (shape.categoricalPower()) {
          powerOneHot[dst * shape.powerLevels() + shape.powerLevel(a.power[src], pmax)] = 1f;
        }
        oldPoint[dst] = a.logpPoint[src];
        oldChannel[dst] = a.logpChannel[src];
        oldPower[dst] = a.logpPower[src];
        mask[dst] = config.actionMasking() && a.point[src] == PolicyShape.POINTS - 1 ? 0f : 1f;
      }
    }
  }

  private float[] step(double actorLr, double criticLr, boolean cloning, double pointEnt) {
    int n = shape.ues();
    double eps = config.clipEpsilon();
    double ent = config.entropyCoef();
    try (NDManager mb = manager.newSubManager()) {
      NDArray global = mb.create(criticIn, new Shape(batch, shape.globalFeatures()));
      NDArray actorInput =
          mb.create(
              actorIn, new Shape(shape.rowPerUe() ? (long) n * batch : batch, shape.actorInput()));
      Shape nb = new Shape(n, batch);
      NDArray pointOh = mb.create(pointOneHot, new Shape(n, batch, PolicyShape.POINTS));
      NDArray channelOh = mb.create(channelOneHot, new Shape(n, batch, shape.channels()));
      NDArray powerSample = mb.create(power, nb);
      boolean levels = shape.categoricalPower();
      NDArray powerOh =
          levels ? mb.create(powerOneHot, new Shape(n, batch, shape.powerLevels())) : null;
      NDArray oldP = mb.create(oldPoint, nb);
      NDArray oldC = mb.create(oldChannel, nb);
      NDArray oldW = mb.create(oldPower, nb);
      NDArray m = mb.create(mask, nb);
      NDArray ones = mb.ones(nb);
      NDArray a = mb.create(adv, new Shape(batch));
      NDArray y = mb.create(target, new Shape(batch));
      NDArray lpP;
      NDArray lpC;
      NDArray lpW;
      NDArray stats;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        ActorHeads h = networks.actors(actorInput, batch, pmax);
        lpP = h.pointLogp().mul(pointOh).sum(new int[] {2});
        lpC = h.channelLogp().mul(channelOh).sum(new int[] {2});
        lpW =
            levels
                ? h.powerLogp().mul(powerOh).sum(new int[] {2})
                : PpoLoss.gaussianLogProb(powerSample, h.powerMean(), h.powerStd());
        NDArray lossP =
            cloning
                ? PpoLoss.maskedMean(lpP.neg(), ones)
                : PpoLoss.clippedSurrogate(lpP, oldP, a, ones, eps);
        NDArray lossC =
            cloning
                ? PpoLoss.maskedMean(lpC.neg(), m)
                : PpoLoss.clippedSurrogate(lpC, oldC, a, m, eps);
        NDArray lossW;
        if (!cloning) {
          lossW = PpoLoss.clippedSurrogate(lpW, oldW, a, m, eps);
        } else if (levels) {
          lossW = PpoLoss.maskedMean(lpW.neg(), m);
        } else {
          lossW =
              PpoLoss.maskedMean(
                  Scalars.times(
                      powerCrossEntropy(h.powerMean(), powerSample), CLONING_POWER_WEIGHT),
                  m);
        }
        NDArray entP = PpoLoss.maskedMean(PpoLoss.categoricalEntropy(h.pointLogp()), ones);
        NDArray entC = PpoLoss.maskedMean(PpoLoss.categoricalEntropy(h.channelLogp()), m);
        NDArray entW =
            PpoLoss.maskedMean(
                levels
                    ? PpoLoss.categoricalEntropy(h.powerLogp())
                    : PpoLoss.gaussianEntropy(h.powerStd()),
                m);
        // Cloning trains a Gaussian head's mean only, so an entropy bonus on the power head would
        // be the only force on its std and grow it without bound.
        NDArray entropy = cloning ? entP.add(entC) : entP.add(entC).add(entW);
        NDArray bonus = Scalars.times(entropy, ent);
        if (!cloning && pointEnt > ent) {
          // added only when on, so that runs without it keep their figures to the last bit
          bonus = bonus.add(Scalars.times(entP, pointEnt - ent));
        }
        NDArray actorLoss =
            Scalars.dividedBy(lossP.add(lossC).add(lossW).sub(bonus).sum(), 3.0 * n);
        NDArray valueLoss = networks.values(global).sub(y).square().mean();
        gc.backward(actorLoss.add(valueLoss));
        stats =
            NDArrays.stack(
                new ai.djl.ndarray.NDList(
                    lossP.mean(),
                    lossC.mean(),
                    lossW.mean(),
                    entP.mean(),
                    entC.mean(),
                    entW.mean(),
                    valueLoss));
      }
      NDArray logRatio = lpP.sub(oldP).add(lpC.sub(oldC).add(lpW.sub(oldW)).mul(m));
      NDArray kl = logRatio.exp().sub(1).sub(logRatio).mean();
      NDArray clipP = clipped(lpP, oldP, eps).mean();
      NDArray clipC = clipped(lpC, oldC, eps).mul(m).sum().div(m.sum().maximum(1f));
      NDArray clipW = clipped(lpW, oldW, eps).mul(m).sum().div(m.sum().maximum(1f));
      NDArray clipFrac = clipP.add(clipC).add(clipW).div(3);
      float[] out =
          NDArrays.concat(new ai.djl.ndarray.NDList(stats, kl.reshape(1), clipFrac.reshape(1)))
              .toFloatArray();
      applyGradients(mb, actorLr, criticLr);
      return out;
    }
  }

  /**
   * The binary cross-entropy {@code -(y log q + (1 - y) log(1 - q))} of the power head's mean
   * {@code q = mean / pmax} (a sigmoid) against the teacher's {@code y = x / pmax}. Its gradient
   * with respect to the sigmoid's input is {@code q - y}, so the mean reaches a teacher at pmax or
   * near 0; a squared error's gradient {@code 2 (q - y) q (1 - q)} vanishes there (a vgg11 clone of
   * {@code static-search} trained on it answered the teacher's 1 W with 0.46 W and its 0.01 W with
   * 0.03 W, geometric means on the log power scale).
   */
  private NDArray powerCrossEntropy(NDArray mean, NDArray teacher) {
    NDArray q = Scalars.dividedBy(mean, pmax).clip(FRACTION_FLOOR, 1 - FRACTION_FLOOR);
    NDArray y = Scalars.dividedBy(teacher, pmax).clip(0, 1);
    return y.mul(q.log()).add(y.neg().add(1).mul(q.neg().add(1).log())).neg();
  }

  private static NDArray clipped(NDArray newLogp, NDArray oldLogp, double eps) {
    return newLogp.sub(oldLogp).exp().sub(1).abs().gt(eps).toType(DataType.FLOAT32, false);
  }

  private void applyGradients(NDManager mb, double actorLr, double criticLr) {
    double actorScale = 1;
    double criticScale = 1;
    if (config.maxGradNorm() > 0) {
      double[] sq = new double[2];
      for (Map.Entry<String, NDArray> e : networks.parameters().entrySet()) {
        try (NDArray grad = e.getValue().getGradient()) {
          NDArray local = grad.duplicate();
          local.attach(mb);
          sq[e.getKey().startsWith("actor.") ? 0 : 1] += local.square().sum().getFloat();
        }
      }
      actorScale = Math.min(1, config.maxGradNorm() / (Math.sqrt(sq[0]) + 1e-6));
      criticScale = Math.min(1, config.maxGradNorm() / (Math.sqrt(sq[1]) + 1e-6));
    }
    adam.nextStep();
    for (Map.Entry<String, NDArray> e : networks.parameters().entrySet()) {
      boolean actor = e.getKey().startsWith("actor.");
      adam.update(
          e.getKey(), e.getValue(), actor ? actorLr : criticLr, actor ? actorScale : criticScale);
    }
  }

  private static void normalise(float[] v) {
    double mean = 0;
    for (float x : v) {
      mean += x;
    }
    mean /= v.length;
    double var = 0;
    for (float x : v) {
      var += (x - mean) * (x - mean);
    }
    double std = Math.sqrt(var / Math.max(1, v.length - 1));
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((v[i] - mean) / (std + 1e-5));
    }
  }

  static double explainedVariance(float[] returns, float[] values) {
    double meanR = 0;
    double meanD = 0;
    for (int i = 0; i < returns.length; i++) {
      meanR += returns[i];
      meanD += returns[i] - values[i];
    }
    meanR /= returns.length;
    meanD /= returns.length;
    double varR = 0;
    double varD = 0;
    for (int i = 0; i < returns.length; i++) {
      varR += (returns[i] - meanR) * (returns[i] - meanR);
      double d = returns[i] - values[i] - meanD;
      varD += d * d;
    }
    return varR == 0 ? Double.NaN : 1 - varD / varR;
  }

  @Override
  public void close() {
    manager.close();
  }
}
