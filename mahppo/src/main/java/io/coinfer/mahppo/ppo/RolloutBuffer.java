package io.coinfer.mahppo.ppo;

import io.coinfer.mahppo.policy.PolicyShape;

/**
 * One rollout of {@code capacity} slots as plain arrays indexed {@code [step]} or {@code [step *
 * ues + ue]}: the features seen, every UE's sampled action and its log-probability per head, the
 * reward, the critic's value and how the step ended. Allocated once and reused.
 */
public final class RolloutBuffer {

  final int capacity;
  final int ues;
  final int globalFeatures;
  final int actorInputLength;
  final float[] global;
  final float[] actorInput;
  final int[] point;
  final int[] channel;
  final float[] power;
  final float[] logpPoint;
  final float[] logpChannel;
  final float[] logpPower;
  final float[] reward;
  final float[] value;
  final float[] bootstrap;
  final boolean[] terminal;
  final boolean[] cut;
  private int size;

  /**
   * Allocates a buffer.
   *
   * @param capacity slots per rollout
   * @param shape the network sizes (a shared actor and autoregressive actors store their input
   *     rows, one per UE)
   */
  public RolloutBuffer(int capacity, PolicyShape shape) {
    this.capacity = capacity;
    this.ues = shape.ues();
    this.globalFeatures = shape.globalFeatures();
    this.actorInputLength = shape.rowPerUe() ? shape.ues() * shape.actorInput() : 0;
    global = new float[capacity * globalFeatures];
    actorInput = new float[capacity * actorInputLength];
    point = new int[capacity * ues];
    channel = new int[capacity * ues];
    power = new float[capacity * ues];
    logpPoint = new float[capacity * ues];
    logpChannel = new float[capacity * ues];
    logpPower = new float[capacity * ues];
    reward = new float[capacity];
    value = new float[capacity];
    bootstrap = new float[capacity];
    terminal = new boolean[capacity];
    cut = new boolean[capacity];
  }

  /** Slots stored. */
  public int size() {
    return size;
  }

  /** Whether the buffer holds {@code capacity} slots. */
  public boolean full() {
    return size == capacity;
  }

  /** Empties the buffer (the arrays are reused). */
  public void clear() {
    size = 0;
  }

  /**
   * Stores the observation and actions of the next slot; {@link #finish} must follow.
   *
   * @param globalIn all UEs' features
   * @param actorIn the actors' input rows per UE (ignored for independent per-UE actors, which read
   *     {@code globalIn})
   * @param points every UE's point
   * @param channels every UE's sub-channel
   * @param powers every UE's power head sample, before the power scale clamps it and maps it to W
   *     (of a categorical head: its level's sample)
   * @param lpPoint log-probability of each point
   * @param lpChannel log-probability of each sub-channel
   * @param lpPower log-density (Gaussian head) or log-probability (categorical) of each power
   * @param v the critic's value of the observation (real units)
   */
  public void add(
      float[] globalIn,
      float[] actorIn,
      int[] points,
      int[] channels,
      float[] powers,
      float[] lpPoint,
      float[] lpChannel,
      float[] lpPower,
      float v) {
    if (full()) {
      throw new IllegalStateException("rollout buffer is full (" + capacity + " slots)");
    }
    int t = size;
    System.arraycopy(globalIn, 0, global, t * globalFeatures, globalFeatures);
    System.arraycopy(actorIn, 0, actorInput, t * actorInputLength, actorInputLength);
    System.arraycopy(points, 0, point, t * ues, ues);
    System.arraycopy(channels, 0, channel, t * ues, ues);
    System.arraycopy(powers, 0, power, t * ues, ues);
    System.arraycopy(lpPoint, 0, logpPoint, t * ues, ues);
    System.arraycopy(lpChannel, 0, logpChannel, t * ues, ues);
    System.arraycopy(lpPower, 0, logpPower, t * ues, ues);
    value[t] = v;
    terminal[t] = false;
    cut[t] = false;
    bootstrap[t] = 0;
  }

  /**
   * Completes the slot stored by {@link #add}.
   *
   * @param r the reward
   * @param isTerminal every UE finished
   * @param isCut the successor is not the next slot of this buffer (truncation, rollout end)
   * @param nextValue {@code V(s_{t+1})} when cut and not terminal
   */
  public void finish(float r, boolean isTerminal, boolean isCut, float nextValue) {
    int t = size;
    reward[t] = r;
    terminal[t] = isTerminal;
    cut[t] = isCut;
    bootstrap[t] = nextValue;
    size++;
  }

  /**
   * Appends every slot of another buffer of the same shape (to gather a data set over rollouts).
   *
   * @param other the slots to copy
   * @throws IllegalStateException when they do not fit
   */
  public void append(RolloutBuffer other) {
    if (size + other.size > capacity) {
      throw new IllegalStateException(
          "cannot append " + other.size + " slots to " + size + " of " + capacity);
    }
    int t = size;
    int k = other.size;
    System.arraycopy(other.global, 0, global, t * globalFeatures, k * globalFeatures);
    System.arraycopy(other.actorInput, 0, actorInput, t * actorInputLength, k * actorInputLength);
    System.arraycopy(other.point, 0, point, t * ues, k * ues);
    System.arraycopy(other.channel, 0, channel, t * ues, k * ues);
    System.arraycopy(other.power, 0, power, t * ues, k * ues);
    System.arraycopy(other.logpPoint, 0, logpPoint, t * ues, k * ues);
    System.arraycopy(other.logpChannel, 0, logpChannel, t * ues, k * ues);
    System.arraycopy(other.logpPower, 0, logpPower, t * ues, k * ues);
    System.arraycopy(other.reward, 0, reward, t, k);
    System.arraycopy(other.value, 0, value, t, k);
    System.arraycopy(other.bootstrap, 0, bootstrap, t, k);
    System.arraycopy(other.terminal, 0, terminal, t, k);
    System.arraycopy(other.cut, 0, cut, t, k);
    size += k;
  }

  /** Computes GAE over the stored slots (see {@link Gae}). */
  void gae(double gamma, double lambda, float[] adv, float[] lambdaReturns, float[] tdTargets) {
    if (!full()) {
      throw new IllegalStateException("rollout has " + size + " of " + capacity + " slots");
    }
    Gae.compute(
        reward, value, terminal, cut, bootstrap, gamma, lambda, adv, lambdaReturns, tdTargets);
  }
}
