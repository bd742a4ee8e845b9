package io.coinfer.mahppo.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) over named DJL parameters, with its moment estimates kept here so a
 * checkpoint can save and restore them. The step itself is the engine's fused Adam kernel, which
 * also zeroes the parameter's gradient: {@code w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) +
 * eps)}, i.e. the bias-corrected step with epsilon on the uncorrected second moment.
 */
public final class Adam implements AutoCloseable {

  private final NDManager manager;
  private final Map<String, NDArray> means = new LinkedHashMap<>();
  private final Map<String, NDArray> variances = new LinkedHashMap<>();
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private long steps;

  /**
   * Creates zero moments for every parameter.
   *
   * @param parameters the parameters, by name
   * @param parent manager under which the moments live
   * @param beta1 first-moment decay
   * @param beta2 second-moment decay
   * @param epsilon denominator epsilon
   */
  public Adam(
      Map<String, NDArray> parameters,
      NDManager parent,
      double beta1,
      double beta2,
      double epsilon) {
    this.manager = parent.newSubManager();
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.epsilon = (float) epsilon;
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      means.put(e.getKey(), manager.zeros(e.getValue().getShape()));
      variances.put(e.getKey(), manager.zeros(e.getValue().getShape()));
    }
  }

  /** Steps taken so far (for bias correction). */
  public long steps() {
    return steps;
  }

  /** Starts the next step; call once per minibatch before {@link #update}. */
  public void nextStep() {
    steps++;
  }

  /**
   * Applies one Adam step to a parameter from its gradient, then zeroes the gradient.
   *
   * @param name the parameter's name
   * @param weight the parameter
   * @param learningRate the step size
   * @param gradientScale factor applied to the gradient first (gradient-norm clipping); 1 = none
   */
  public void update(String name, NDArray weight, double learningRate, double gradientScale) {
    double correction1 = 1 - Math.pow(beta1, steps);
    double correction2 = 1 - Math.pow(beta2, steps);
    try (NDArray grad = weight.getGradient()) {
      weight
          .getNDArrayInternal()
          .adamUpdate(
              new NDList(weight, grad, means.get(name), variances.get(name)),
              new NDList(weight),
              (float) learningRate,
              (float) (learningRate * Math.sqrt(correction2) / correction1),
              0f,
              (float) gradientScale,
              -1f,
              beta1,
              beta2,
              epsilon,
              false,
              false);
    }
  }

  /** The state as plain arrays: {@code m.<name>} and {@code v.<name>}, in parameter order. */
  public Map<String, float[]> state() {
    Map<String, float[]> s = new LinkedHashMap<>();
    means.forEach((k, v) -> s.put("m." + k, v.toFloatArray()));
    variances.forEach((k, v) -> s.put("v." + k, v.toFloatArray()));
    return s;
  }

  /** Restores a state saved by {@link #state()} and the step count. */
  public void restore(Map<String, float[]> state, long steps) {
    means.forEach((k, v) -> v.set(require(state, "m." + k)));
    variances.forEach((k, v) -> v.set(require(state, "v." + k)));
    this.steps = steps;
  }

  private static float[] require(Map<String, float[]> state, String key) {
    float[] v = state.get(key);
    if (v == null) {
      throw new IllegalArgumentException("optimizer state has no " + key);
    }
    return v;
  }

  @Override
  public void close() {
    manager.close();
  }
}
