package io.coinfer.mahppo.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * All parameters of MAHPPO's actors and critic as plain float tensors, in a fixed order.
 *
 * <p>Layout, with {@code G} actor groups (one per UE, or 1 for a shared actor), {@code H} the head
 * width and the {@code K} head hidden layers ({@link PolicyShape#heads()}: point, channel, power
 * mean, power std; or point, channel, power levels) fused side by side into one {@code [last, KH]}
 * matrix:
 *
 * <ul>
 *   <li>{@code actor.trunk<i>.w [G, in, out]}, {@code actor.trunk<i>.b [G, 1, out]}
 *   <li>{@code actor.heads.w [G, last, KH]}, {@code actor.heads.b [G, 1, KH]}
 *   <li>{@code actor.point.w [G, H, 6]}, {@code actor.channel.w [G, H, C]}, {@code actor.mu.w [G,
 *       H, 1]}, {@code actor.sigma.w [G, H, 1]} (or {@code actor.power.w [G, H, L]}) and their
 *       biases {@code [G, 1, k]}
 *   <li>{@code critic.l<i>.w [in, out]}, {@code critic.l<i>.b [1, out]}, {@code critic.out.w [last,
 *       1]}, {@code critic.out.b [1, 1]}
 * </ul>
 */
public final class PolicyWeights {

  private final PolicyShape shape;
  private final Map<String, Tensor> tensors;

  /**
   * Wraps tensors that must match the shape's layout.
   *
   * @param shape the network sizes
   * @param tensors the parameters, in layout order
   */
  public PolicyWeights(PolicyShape shape, List<Tensor> tensors) {
    this.shape = shape;
    Map<String, Tensor> byName = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      byName.put(t.name(), t);
    }
    List<Tensor> expected = layout(shape);
    if (expected.size() != byName.size()) {
      throw new IllegalArgumentException(
          "expected " + expected.size() + " tensors for " + shape + ", got " + byName.size());
    }
    Map<String, Tensor> ordered = new LinkedHashMap<>();
    for (Tensor e : expected) {
      Tensor t = byName.get(e.name());
      if (t == null || !java.util.Arrays.equals(t.shape(), e.shape())) {
        throw new IllegalArgumentException(
            "tensor " + e.name() + " missing or of the wrong shape; expected " + e);
      }
      ordered.put(e.name(), t);
    }
    this.tensors = Collections.unmodifiableMap(ordered);
  }

  /**
   * Initialises fresh weights.
   *
   * @param shape the network sizes
   * @param orthogonal orthogonal weights (gain sqrt 2 hidden, 0.01 policy outputs, 1 value output)
   *     with zero biases; otherwise PyTorch's default {@code U(-1/sqrt(in), 1/sqrt(in))}
   * @param random the source of randomness (seeded by the caller)
   * @return the new weights
   */
  public static PolicyWeights initialise(PolicyShape shape, boolean orthogonal, Random random) {
    List<Tensor> tensors = layout(shape);
    int h = shape.headHidden();
    for (Tensor t : tensors) {
      if (t.name().endsWith(".b")) {
        if (!orthogonal) {
          int fanIn = fanIn(tensors, t.name());
          uniform(t.data(), 1 / Math.sqrt(fanIn), random);
        }
        continue;
      }
      int groups = t.shape().length == 3 ? t.shape()[0] : 1;
      int rows = t.shape()[t.shape().length - 2];
      int cols = t.shape()[t.shape().length - 1];
      if (!orthogonal) {
        uniform(t.data(), 1 / Math.sqrt(rows), random);
        continue;
      }
      double gain = gain(t.name(), shape.heads());
      boolean fusedHeads = t.name().equals("actor.heads.w");
      int blockCols = fusedHeads ? h : cols;
      for (int g = 0; g < groups; g++) {
        for (int c0 = 0; c0 < cols; c0 += blockCols) {
          double[][] q = Orthogonal.matrix(rows, blockCols, random);
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < blockCols; c++) {
              t.data()[(g * rows + r) * cols + c0 + c] = (float) (gain * q[r][c]);
            }
          }
        }
      }
    }
    return new PolicyWeights(shape, tensors);
  }

  /** The layout of a shape, all zeros. */
  static List<Tensor> layout(PolicyShape s) {
    List<Tensor> out = new ArrayList<>();
    int g = s.actorGroups();
    int in = s.actorInput();
    for (int i = 0; i < s.trunk().size(); i++) {
      int w = s.trunk().get(i);
      out.add(Tensor.zeros("actor.trunk" + i + ".w", g, in, w));
      out.add(Tensor.zeros("actor.trunk" + i + ".b", g, 1, w));
      in = w;
    }
    int h = s.headHidden();
    List<String> heads = s.heads();
    out.add(Tensor.zeros("actor.heads.w", g, in, heads.size() * h));
    out.add(Tensor.zeros("actor.heads.b", g, 1, heads.size() * h));
    int[] sizes = s.headSizes();
    for (int k = 0; k < heads.size(); k++) {
      out.add(Tensor.zeros("actor." + heads.get(k) + ".w", g, h, sizes[k]));
      out.add(Tensor.zeros("actor." + heads.get(k) + ".b", g, 1, sizes[k]));
    }
    in = s.globalFeatures();
    for (int i = 0; i < s.critic().size(); i++) {
      int w = s.critic().get(i);
      out.add(Tensor.zeros("critic.l" + i + ".w", in, w));
      out.add(Tensor.zeros("critic.l" + i + ".b", 1, w));
      in = w;
    }
    out.add(Tensor.zeros("critic.out.w", in, 1));
    out.add(Tensor.zeros("critic.out.b", 1, 1));
    return out;
  }

  private static int fanIn(List<Tensor> tensors, String biasName) {
    String weightName = biasName.substring(0, biasName.length() - 1) + "w";
    for (Tensor t : tensors) {
      if (t.name().equals(weightName)) {
        return t.shape()[t.shape().length - 2];
      }
    }
    throw new IllegalStateException("no weight for " + biasName);
  }

  private static double gain(String name, List<String> heads) {
    if (name.equals("critic.out.w")) {
      return 1.0;
    }
    for (String head : heads) {
      if (name.equals("actor." + head + ".w")) {
        return 0.01;
      }
    }
    return Math.sqrt(2);
  }

  private static void uniform(float[] data, double bound, Random random) {
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
  }

  /**
   * These per-UE actors as autoregressive ones that act exactly as they do: the first layer gains
   * one zero row per input of the choices made before each place ({@link
   * PolicyShape#choiceFeatures()}), every other tensor is copied. Training then learns those rows.
   *
   * @return the widened weights (if these are already autoregressive, a copy)
   * @throws IllegalArgumentException for a shared actor
   */
  public PolicyWeights asAutoregressive() {
    PolicyShape wide = shape.asAutoregressive();
    return widened(wide, shape.actorInput(), wide.actorInput() - shape.actorInput(), false);
  }

  /**
   * These networks reading beta ({@link PolicyShape#betaInput()}) and acting and valuing exactly as
   * they do at every beta: the first layers of actors and critic gain a zero row for beta's
   * feature, every other tensor is copied. Training then learns those rows.
   *
   * @return the widened weights (if these already read beta, a copy)
   */
  public PolicyWeights withBetaInput() {
    if (shape.betaInput()) {
      return copy();
    }
    PolicyShape wide = shape.withBetaInput();
    return widened(wide, wide.betaColumn(), 1, true);
  }

  /**
   * A copy whose actors' first layer has {@code count} zero input rows inserted at row {@code at},
   * and with {@code critic} the critic's first layer one at its end.
   */
  private PolicyWeights widened(PolicyShape wide, int at, int count, boolean critic) {
    String actorFirst = shape.trunk().isEmpty() ? "actor.heads.w" : "actor.trunk0.w";
    List<Tensor> out = new ArrayList<>();
    for (Tensor t : tensors.values()) {
      if (t.name().equals(actorFirst)) {
        out.add(withZeroRows(t, at, count));
      } else if (critic && t.name().equals("critic.l0.w")) {
        out.add(withZeroRows(t, t.shape()[t.shape().length - 2], 1));
      } else {
        out.add(t.copy());
      }
    }
    return new PolicyWeights(wide, out);
  }

  /**
   * A weight ([groups,] rows, cols) with {@code count} zero rows inserted before row {@code at}.
   */
  private static Tensor withZeroRows(Tensor t, int at, int count) {
    int[] dims = t.shape().clone();
    int r = dims.length - 2;
    int rows = dims[r];
    int cols = dims[r + 1];
    int groups = r == 0 ? 1 : dims[0];
    dims[r] = rows + count;
    Tensor w = Tensor.zeros(t.name(), dims);
    for (int g = 0; g < groups; g++) {
      int from = g * rows * cols;
      int to = g * (rows + count) * cols;
      System.arraycopy(t.data(), from, w.data(), to, at * cols);
      System.arraycopy(
          t.data(), from + at * cols, w.data(), to + (at + count) * cols, (rows - at) * cols);
    }
    return w;
  }

  /** The network sizes. */
  public PolicyShape shape() {
    return shape;
  }

  /** All tensors in layout order. */
  public List<Tensor> tensors() {
    return List.copyOf(tensors.values());
  }

  /** The tensor of a name. */
  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no tensor " + name);
    }
    return t;
  }

  /** A deep copy. */
  public PolicyWeights copy() {
    return new PolicyWeights(shape, tensors.values().stream().map(Tensor::copy).toList());
  }
}
