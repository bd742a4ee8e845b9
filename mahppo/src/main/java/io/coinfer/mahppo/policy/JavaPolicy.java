package io.coinfer.mahppo.policy;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Evaluates MAHPPO's actors and critic for one state in plain Java float math.
 *
 * <p>For one slot of 5 UEs the networks are tiny (about 0.4 M multiply-adds); a plain loop over the
 * weights measured faster than a round trip through the native engine (see docs/mahppo.md), so
 * rollouts and serving use this class and DJL is kept for the updates. Scratch buffers are
 * allocated once; {@link #act} and {@link #value} allocate nothing. Not thread-safe.
 */
public final class JavaPolicy {

  private final PolicyShape shape;
  private final int ues;
  private final int layers;
  private final float[][] trunkW;
  private final float[][] trunkB;
  private final int[] widths;
  private final float[] headsW;
  private final float[] headsB;
  private final int headCount;
  private final float[][] outW;
  private final float[][] outB;
  private final int[] outSize;
  private final float[][] criticW;
  private final float[][] criticB;
  private final int[] criticWidths;
  private final float[][] act;
  private final float[][] criticAct;
  private final float[] heads;
  private final double pmax;

  /**
   * Creates an evaluator over weights (read live: later changes to the weights are seen).
   *
   * @param weights the parameters
   * @param ues the fleet size served
   * @param pmax maximum transmit power in W (the power mean is {@code sigmoid * pmax})
   */
  public JavaPolicy(PolicyWeights weights, int ues, double pmax) {
    this.shape = weights.shape();
    this.ues = ues;
    this.pmax = pmax;
    List<Integer> trunk = shape.trunk();
    layers = trunk.size();
    trunkW = new float[layers][];
    trunkB = new float[layers][];
    widths = new int[layers + 1];
    widths[0] = shape.actorInput();
    for (int i = 0; i < layers; i++) {
      trunkW[i] = weights.get("actor.trunk" + i + ".w").data();
      trunkB[i] = weights.get("actor.trunk" + i + ".b").data();
      widths[i + 1] = trunk.get(i);
    }
    headsW = weights.get("actor.heads.w").data();
    headsB = weights.get("actor.heads.b").data();
    List<String> headNames = shape.heads();
    headCount = headNames.size();
    outSize = shape.headSizes();
    outW = new float[headCount][];
    outB = new float[headCount][];
    for (int k = 0; k < headCount; k++) {
      outW[k] = weights.get("actor." + headNames.get(k) + ".w").data();
      outB[k] = weights.get("actor." + headNames.get(k) + ".b").data();
    }
    List<Integer> critic = shape.critic();
    criticW = new float[critic.size() + 1][];
    criticB = new float[critic.size() + 1][];
    criticWidths = new int[critic.size() + 2];
    criticWidths[0] = shape.globalFeatures();
    for (int i = 0; i < critic.size(); i++) {
      criticW[i] = weights.get("critic.l" + i + ".w").data();
      criticB[i] = weights.get("critic.l" + i + ".b").data();
      criticWidths[i + 1] = critic.get(i);
    }
    criticW[critic.size()] = weights.get("critic.out.w").data();
    criticB[critic.size()] = weights.get("critic.out.b").data();
    criticWidths[critic.size() + 1] = 1;
    act = new float[layers + 1][];
    for (int i = 0; i <= layers; i++) {
      act[i] = new float[widths[i]];
    }
    heads = new float[headCount * shape.headHidden()];
    criticAct = new float[criticWidths.length][];
    for (int i = 0; i < criticWidths.length; i++) {
      criticAct[i] = new float[criticWidths[i]];
    }
  }

  /** The fleet size served. */
  public int ues() {
    return ues;
  }

  /** The network sizes. */
  public PolicyShape shape() {
    return shape;
  }

  /** Fresh outputs for {@link #act} to fill. */
  public ActorOutputs newOutputs() {
    return new ActorOutputs(shape, ues, pmax);
  }

  /**
   * Evaluates every UE's actor, place by place, and lets {@code chooser} pick each place's action
   * once its distributions are known. With {@link PolicyShape#autoregressive()} the choice is then
   * written into the input rows of the later places (so {@code actorInput} ends up holding the rows
   * the actors read, as the update must see them); otherwise the choices do not change the
   * distributions.
   *
   * @param actorInput {@code rows x actorInput} as written by {@link Features#actorInput}
   * @param out receives each UE's distributions and chosen action
   * @param chooser picks each place's action, in place order
   */
  public void act(float[] actorInput, ActorOutputs out, Chooser chooser) {
    int in = shape.actorInput();
    int h = shape.headHidden();
    for (int u = 0; u < ues; u++) {
      int g = shape.sharedActor() ? 0 : u;
      int row = shape.rowPerUe() ? u : 0;
      System.arraycopy(actorInput, row * in, act[0], 0, in);
      for (int i = 0; i < layers; i++) {
        dense(act[i], widths[i], trunkW[i], trunkB[i], g, act[i + 1], widths[i + 1], true);
      }
      dense(act[layers], widths[layers], headsW, headsB, g, heads, headCount * h, true);
      for (int k = 0; k < headCount; k++) {
        int n = outSize[k];
        float[] dst =
            switch (k) {
              case 0 -> out.pointLogits[u];
              case 1 -> out.channelLogits[u];
              default -> shape.categoricalPower() ? out.powerLogits[u] : out.scratch;
            };
        int wOff = g * h * n;
        int bOff = g * n;
        for (int o = 0; o < n; o++) {
          float s = outB[k][bOff + o];
          for (int j = 0; j < h; j++) {
            s += heads[k * h + j] * outW[k][wOff + j * n + o];
          }
          dst[o] = s;
        }
        if (k == 2 && !shape.categoricalPower()) {
          out.powerMean[u] = meanPower(out.scratch[0], pmax);
        } else if (k == 3) {
          out.powerStd[u] = stdPower(out.scratch[0]);
        }
      }
      logSoftmax(out.pointLogits[u]);
      logSoftmax(out.channelLogits[u]);
      if (shape.categoricalPower()) {
        logSoftmax(out.powerLogits[u]);
      }
      chooser.choose(out, u);
      if (shape.autoregressive()) {
        for (int later = u + 1; later < ues; later++) {
          writeChoice(out, u, actorInput, later * in + shape.globalFeatures());
        }
      }
    }
  }

  /** Writes place u's chosen action into the choice block of an input row starting at {@code o}. */
  private void writeChoice(ActorOutputs out, int u, float[] actorInput, int o) {
    int c = shape.choiceFeatures();
    java.util.Arrays.fill(actorInput, o + u * c, o + (u + 1) * c, 0f);
    actorInput[o + u * c + out.point[u]] = 1f;
    actorInput[o + u * c + PolicyShape.POINTS + out.channel[u]] = 1f;
    double fraction = Math.min(1, Math.max(0, out.power[u] / pmax));
    actorInput[o + u * c + PolicyShape.POINTS + shape.channels()] = (float) fraction;
  }

  /** Picks one place's action from its distributions (see {@link #act}). */
  @FunctionalInterface
  public interface Chooser {
    /**
     * @param out the distributions; the choice goes into {@code out.point[place]}, {@code
     *     out.channel[place]} and {@code out.power[place]}, e.g. by {@link ActorOutputs#chooseMode}
     * @param place the place whose distributions {@code out} holds
     */
    void choose(ActorOutputs out, int place);
  }

  /**
   * The critic's value of a state.
   *
   * @param globalFeatures all UEs' features concatenated (length {@code shape.globalFeatures()})
   * @return the value, in the critic's own (possibly normalised) units
   */
  public double value(float[] globalFeatures) {
    if (ues != shape.ues()) {
      throw new IllegalStateException(
          "the critic is built for " + shape.ues() + " UEs, not " + ues);
    }
    System.arraycopy(globalFeatures, 0, criticAct[0], 0, criticWidths[0]);
    int last = criticWidths.length - 1;
    for (int i = 0; i < last; i++) {
      dense(
          criticAct[i],
          criticWidths[i],
          criticW[i],
          criticB[i],
          0,
          criticAct[i + 1],
          criticWidths[i + 1],
          i < last - 1);
    }
    return criticAct[last][0];
  }

  /** {@code sigmoid(z) * (pmax - 1e-10) + 1e-10}: the power mean in W, in (0, pmax]. */
  public static float meanPower(float z, double pmax) {
    return (float) (1 / (1 + Math.exp(-z)) * (pmax - 1e-10) + 1e-10);
  }

  /** {@code softplus(z) + 1e-5}: the power std in W (the floor keeps the log-density finite). */
  public static float stdPower(float z) {
    double sp = z > 20 ? z : Math.log1p(Math.exp(z));
    return (float) (sp + MIN_STD);
  }

  /** Floor added to the power std in W. */
  public static final double MIN_STD = 1e-5;

  private static void dense(
      float[] x, int in, float[] w, float[] b, int group, float[] y, int out, boolean relu) {
    System.arraycopy(b, group * out, y, 0, out);
    int base = group * in * out;
    for (int i = 0; i < in; i++) {
      float xi = x[i];
      if (xi == 0f) {
        continue;
      }
      int row = base + i * out;
      for (int o = 0; o < out; o++) {
        y[o] += xi * w[row + o];
      }
    }
    if (relu) {
      for (int o = 0; o < out; o++) {
        if (y[o] < 0f) {
          y[o] = 0f;
        }
      }
    }
  }

  private static void logSoftmax(float[] v) {
    float max = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (float x : v) {
      sum += Math.exp(x - max);
    }
    float lse = (float) (max + Math.log(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] -= lse;
    }
  }

  /**
   * Per-UE action distributions: log-probabilities of points and sub-channels, and the power head's
   * distribution over its sample {@code x} in [0, pmax] (the power scale maps it to watts): {@code
   * N(mean, std)}, or a categorical over {@link PolicyShape#powerLevels()} equally spaced values.
   */
  public static final class ActorOutputs {
    /** {@code [ues][6]} log-probabilities of the partition points. */
    public final float[][] pointLogits;

    /** {@code [ues][channels]} log-probabilities of the sub-channels. */
    public final float[][] channelLogits;

    /** {@code [ues]} power mean (Gaussian head), in head units. */
    public final float[] powerMean;

    /** {@code [ues]} power standard deviation (Gaussian head), in head units. */
    public final float[] powerStd;

    /** {@code [ues][levels]} log-probabilities of the power levels (categorical head). */
    public final float[][] powerLogits;

    /** {@code [ues]} the chosen points. */
    public final int[] point;

    /** {@code [ues]} the chosen sub-channels. */
    public final int[] channel;

    /** {@code [ues]} the chosen power head samples, in head units ([0, pmax] before clamping). */
    public final double[] power;

    private final PolicyShape shape;
    private final double pmax;
    private final float[] scratch = new float[1];

    private ActorOutputs(PolicyShape shape, int ues, double pmax) {
      this.shape = shape;
      this.pmax = pmax;
      pointLogits = new float[ues][PolicyShape.POINTS];
      channelLogits = new float[ues][shape.channels()];
      powerMean = new float[ues];
      powerStd = new float[ues];
      powerLogits = new float[ues][shape.powerLevels()];
      point = new int[ues];
      channel = new int[ues];
      power = new double[ues];
    }

    /** Chooses the deterministic policy's action for a place: the most likely of every head. */
    public void chooseMode(int u) {
      choose(u, Sampling.argmax(pointLogits[u]), Sampling.argmax(channelLogits[u]), powerMode(u));
    }

    /** Chooses an action for a place by drawing every head from {@code random}. */
    public void chooseSample(int u, RandomGenerator random) {
      int p = Sampling.sample(pointLogits[u], random);
      int c = Sampling.sample(channelLogits[u], random);
      choose(u, p, c, samplePower(u, random));
    }

    /**
     * Chooses a given action for a place.
     *
     * @param u the place
     * @param p the point
     * @param c the sub-channel
     * @param x the power head sample
     */
    public void choose(int u, int p, int c, double x) {
      point[u] = p;
      channel[u] = c;
      power[u] = x;
    }

    /**
     * The deterministic policy's power: the Gaussian's mean, or the most likely level.
     *
     * @param u the UE's place
     * @return a head sample, in head units
     */
    public double powerMode(int u) {
      return shape.categoricalPower()
          ? shape.powerSample(Sampling.argmax(powerLogits[u]), pmax)
          : powerMean[u];
    }

    /**
     * Draws a power.
     *
     * @param u the UE's place
     * @param random the source of the draw
     * @return a head sample, in head units
     */
    public double samplePower(int u, RandomGenerator random) {
      return shape.categoricalPower()
          ? shape.powerSample(Sampling.sample(powerLogits[u], random), pmax)
          : powerMean[u] + powerStd[u] * random.nextGaussian();
    }

    /**
     * @param u the UE's place
     * @param x a head sample (of a categorical head: one of its levels)
     * @return its log-density (Gaussian) or log-probability (categorical)
     */
    public float powerLogProb(int u, double x) {
      return shape.categoricalPower()
          ? powerLogits[u][shape.powerLevel(x, pmax)]
          : Sampling.gaussianLogProb(x, powerMean[u], powerStd[u]);
    }

    /**
     * A head sample the power head can give: itself for a Gaussian, the nearest level's for a
     * categorical head (a teacher's power, cloned).
     */
    public double representable(double x) {
      return shape.categoricalPower() ? shape.powerSample(shape.powerLevel(x, pmax), pmax) : x;
    }

    /** Whether the power head's outputs for a UE are finite (false once training diverged). */
    public boolean powerFinite(int u) {
      return shape.categoricalPower()
          ? Float.isFinite(powerLogits[u][0])
          : Float.isFinite(powerMean[u]) && Float.isFinite(powerStd[u]);
    }
  }
}
