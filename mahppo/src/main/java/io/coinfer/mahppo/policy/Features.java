package io.coinfer.mahppo.policy;

/**
 * Builds the networks' inputs from the environment's state and the UEs' last decisions, into
 * caller-owned arrays (no allocation per step).
 *
 * <p>The environment's state has 4 numbers per UE in this order: tasks left / tasks at start,
 * compute time left / full-local time, bits left / raw image bits, normalised distance. The phase
 * of the rich state follows from them: done when no task is left, computing while compute time is
 * left, transmitting otherwise.
 *
 * <p>The UEs take their places in the inputs by index, or with {@link PolicyShape#distanceOrder()}
 * nearest first (ties by index), read afresh from the state at every call of {@link #ueFeatures};
 * the actor of place k decides for UE {@link #ueAt(int) ueAt(k)}. A shared actor's one-hot index
 * then stands for a rank: place k of a fleet of n uses slot {@code floor((k + 0.5) maxUes / n)}, so
 * the slots spread over the index in rank order whatever the fleet size (by index, place k uses
 * slot k).
 *
 * <p>With {@link PolicyShape#betaInput()} the inputs end with the energy weight beta to serve
 * ({@link PolicyShape#betaFeature}), set by {@link #setBeta} (1 until set).
 */
public final class Features {

  /** Position of the normalised distance among a UE's base features. */
  private static final int DISTANCE = 3;

  private final PolicyShape shape;
  private final int ues;
  private final double pmax;
  private final int[] index;
  private final int[] order;
  private float beta = PolicyShape.betaFeature(1);

  /**
   * Creates a feature builder.
   *
   * @param shape the network sizes
   * @param ues the fleet size served (the shape's, or up to {@code maxUes} for a shared actor)
   * @param pmax the maximum transmit power in W, to normalise power into [0, 1]
   */
  public Features(PolicyShape shape, int ues, double pmax) {
    if (ues != shape.ues() && !(shape.sharedActor() && ues <= shape.maxUes())) {
      throw new IllegalArgumentException(
          "a policy for "
              + shape.ues()
              + " UEs"
              + (shape.sharedActor() ? " (shared actor, at most " + shape.maxUes() + ")" : "")
              + " cannot serve "
              + ues);
    }
    this.shape = shape;
    this.ues = ues;
    this.pmax = pmax;
    this.index = new int[ues];
    this.order = new int[ues];
    boolean ranks = shape.sharedActor() && shape.distanceOrder();
    for (int u = 0; u < ues; u++) {
      index[u] = ranks ? (int) ((u + 0.5) * shape.maxUes() / ues) : u;
      order[u] = u;
    }
  }

  /**
   * Sets the index slot of the shared actor's one-hot index that each place uses (by default place
   * u uses slot u, or with the distance order the rank slot in the class comment). Training a
   * shared actor draws distinct random slots per episode (in increasing order with the distance
   * order) so that every slot up to {@code maxUes} is trained, not only those of {@code ues}.
   *
   * @param slots one distinct slot in [0, maxUes) per place
   */
  public void assignIndexSlots(int[] slots) {
    if (slots.length != ues) {
      throw new IllegalArgumentException("need " + ues + " index slots, got " + slots.length);
    }
    for (int s : slots) {
      if (s < 0 || s >= shape.maxUes()) {
        throw new IllegalArgumentException(
            "index slot " + s + " outside [0, " + shape.maxUes() + ")");
      }
    }
    System.arraycopy(slots, 0, index, 0, ues);
  }

  /**
   * Sets the energy weight the networks read (with {@link PolicyShape#betaInput()}; else ignored).
   *
   * @param value beta, > 0
   */
  public void setBeta(double value) {
    beta = PolicyShape.betaFeature(value);
  }

  /** Length of the output of {@link #ueFeatures}: all UEs' features, then beta's if read. */
  public int length() {
    return ues * shape.ueFeatures() + (shape.betaInput() ? 1 : 0);
  }

  /** Number of UEs served. */
  public int ues() {
    return ues;
  }

  /** Length of the per-UE feature block. */
  public int ueFeatures() {
    return shape.ueFeatures();
  }

  /**
   * The UE at a place of the inputs, as placed by the last call of {@link #ueFeatures}.
   *
   * @param place in [0, ues)
   * @return the UE's index
   */
  public int ueAt(int place) {
    return order[place];
  }

  /**
   * Places the UEs (see {@link #ueAt}) and writes their features, concatenated in place order, then
   * beta's if read, into {@code out} (length {@link #length()}).
   *
   * @param state the environment state, 4 numbers per UE
   * @param point each UE's last point
   * @param channel each UE's last sub-channel
   * @param power each UE's last power in W
   * @param out the destination
   */
  public void ueFeatures(double[] state, int[] point, int[] channel, double[] power, float[] out) {
    int f = shape.ueFeatures();
    int base = PolicyShape.BASE_FEATURES;
    if (state.length != ues * base) {
      throw new IllegalArgumentException(
          "state has " + state.length + " numbers; expected " + ues * base);
    }
    placeUes(state);
    java.util.Arrays.fill(out, 0, ues * f, 0f);
    if (shape.betaInput()) {
      out[ues * f] = beta;
    }
    for (int place = 0; place < ues; place++) {
      int u = order[place];
      int o = place * f;
      for (int k = 0; k < base; k++) {
        out[o + k] = (float) state[u * base + k];
      }
      if (!shape.richState()) {
        continue;
      }
      int r = o + base;
      out[r + point[u]] = 1f;
      out[r + PolicyShape.POINTS + channel[u]] = 1f;
      out[r + PolicyShape.POINTS + shape.channels()] = (float) (power[u] / pmax);
      int phase = state[u * base] <= 0 ? 2 : state[u * base + 1] > 0 ? 0 : 1;
      out[r + PolicyShape.POINTS + shape.channels() + 1 + phase] = 1f;
    }
  }

  /** Orders the UEs by index, or nearest first (a stable insertion sort: ties keep index order). */
  private void placeUes(double[] state) {
    for (int u = 0; u < ues; u++) {
      order[u] = u;
    }
    if (!shape.distanceOrder()) {
      return;
    }
    int base = PolicyShape.BASE_FEATURES;
    for (int i = 1; i < ues; i++) {
      int u = order[i];
      double d = state[u * base + DISTANCE];
      int j = i - 1;
      while (j >= 0 && state[order[j] * base + DISTANCE] > d) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = u;
    }
  }

  /**
   * Writes the actor input rows: for per-UE actors one row (all UEs' features and beta's if read);
   * for autoregressive actors one row per UE: the same and no choices yet (zeros, which {@link
   * JavaPolicy#act} fills place by place); for a shared actor one row per UE: own features, fleet
   * mean, one-hot index, beta's feature if read.
   *
   * @param ueFeatures the output of {@link #ueFeatures}
   * @param out the destination, {@link #actorRows()} x {@code shape.actorInput()}
   */
  public void actorInput(float[] ueFeatures, float[] out) {
    int f = shape.ueFeatures();
    int in = shape.actorInput();
    if (!shape.sharedActor()) {
      int global = length();
      for (int row = 0; row < actorRows(); row++) {
        System.arraycopy(ueFeatures, 0, out, row * in, global);
        java.util.Arrays.fill(out, row * in + global, (row + 1) * in, 0f);
      }
      return;
    }
    java.util.Arrays.fill(out, 0, ues * in, 0f);
    for (int u = 0; u < ues; u++) {
      int o = u * in;
      System.arraycopy(ueFeatures, u * f, out, o, f);
      for (int v = 0; v < ues; v++) {
        for (int k = 0; k < f; k++) {
          out[o + f + k] += ueFeatures[v * f + k] / ues;
        }
      }
      out[o + 2 * f + index[u]] = 1f;
      if (shape.betaInput()) {
        out[o + shape.betaColumn()] = beta;
      }
    }
  }

  /**
   * Rows of actor input: 1 for independent per-UE actors (they share one input), else one per UE.
   */
  public int actorRows() {
    return shape.rowPerUe() ? ues : 1;
  }
}
