package io.coinfer.mahppo.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MAHPPO's actors and critic as DJL arrays with gradients, for the PPO update.
 *
 * <p>All per-UE actors are evaluated at once: their weights are stacked as {@code [G, in, out]} and
 * applied with one batched matrix product per layer. Every op takes the minibatch's array as its
 * first input, so results belong to the caller's per-minibatch manager, never to the long-lived one
 * that owns the parameters.
 */
public final class DjlNetworks implements AutoCloseable {

  private final PolicyShape shape;
  private final NDManager manager;
  private final Map<String, NDArray> parameters = new LinkedHashMap<>();

  /**
   * Copies weights into new arrays that collect gradients.
   *
   * @param weights the initial values
   * @param parent the manager under which this object's own sub-manager is created
   */
  public DjlNetworks(PolicyWeights weights, NDManager parent) {
    this.shape = weights.shape();
    this.manager = parent.newSubManager();
    for (Tensor t : weights.tensors()) {
      NDArray a = manager.create(t.data(), new Shape(toLong(t.shape())));
      a.setRequiresGradient(true);
      parameters.put(t.name(), a);
    }
  }

  /** The parameters by name, in layout order (live arrays: do not close). */
  public Map<String, NDArray> parameters() {
    return parameters;
  }

  /** The network sizes. */
  public PolicyShape shape() {
    return shape;
  }

  /** Copies the current values into {@code weights}' arrays, in place. */
  public void copyTo(PolicyWeights weights) {
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      float[] src = e.getValue().toFloatArray();
      System.arraycopy(src, 0, weights.get(e.getKey()).data(), 0, src.length);
    }
  }

  /**
   * Evaluates the actors of every UE on a minibatch.
   *
   * @param actorInput {@code [B, in]} (independent per-UE actors: all read the same global
   *     features) or {@code [ues * B, in]} agent-major (a shared actor, autoregressive actors)
   * @param batch the minibatch size B
   * @return point and channel log-probabilities {@code [ues, B, k]}, power mean and std {@code
   *     [ues, B]} (Gaussian head) or power-level log-probabilities {@code [ues, B, L]}
   *     (categorical), all on {@code actorInput}'s manager
   */
  public ActorHeads actors(NDArray actorInput, int batch, double pmax) {
    int g = shape.actorGroups();
    int ues = shape.sharedActor() ? (int) (actorInput.getShape().get(0) / batch) : shape.ues();
    NDArray x;
    if (shape.sharedActor()) {
      x = actorInput.reshape(1, (long) ues * batch, shape.actorInput());
    } else if (shape.autoregressive()) {
      x = actorInput.reshape(g, batch, shape.actorInput());
    } else {
      x = actorInput.expandDims(0).repeat(0, g);
    }
    for (int i = 0; i < shape.trunk().size(); i++) {
      x = Activation.relu(linear3(x, "actor.trunk" + i));
    }
    NDArray heads = Activation.relu(linear3(x, "actor.heads"));
    int h = shape.headHidden();
    List<String> names = shape.heads();
    NDArray[] out = new NDArray[names.size()];
    for (int k = 0; k < out.length; k++) {
      NDArray hidden = heads.get(":, :, " + (k * h) + ":" + ((k + 1) * h));
      NDArray y = linear3(hidden, "actor." + names.get(k));
      out[k] = y.reshape(ues, batch, y.getShape().get(2));
    }
    NDArray pointLogp = out[0].logSoftmax(2);
    NDArray channelLogp = out[1].logSoftmax(2);
    if (shape.categoricalPower()) {
      return new ActorHeads(pointLogp, channelLogp, null, null, out[2].logSoftmax(2));
    }
    NDArray mean = Scalars.times(Activation.sigmoid(out[2].squeeze(2)), pmax - 1e-10).add(1e-10);
    NDArray std = Activation.softPlus(out[3].squeeze(2)).add(JavaPolicy.MIN_STD);
    return new ActorHeads(pointLogp, channelLogp, mean, std, null);
  }

  /**
   * Evaluates the critic.
   *
   * @param globalFeatures {@code [B, globalFeatures]}
   * @return the values {@code [B]}
   */
  public NDArray values(NDArray globalFeatures) {
    NDArray x = globalFeatures;
    for (int i = 0; i < shape.critic().size(); i++) {
      x = Activation.relu(linear2(x, "critic.l" + i));
    }
    return linear2(x, "critic.out").squeeze(1);
  }

  private NDArray linear3(NDArray x, String name) {
    return x.batchMatMul(parameters.get(name + ".w")).add(parameters.get(name + ".b"));
  }

  private NDArray linear2(NDArray x, String name) {
    return x.matMul(parameters.get(name + ".w")).add(parameters.get(name + ".b"));
  }

  private static long[] toLong(int[] shape) {
    long[] s = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      s[i] = shape[i];
    }
    return s;
  }

  @Override
  public void close() {
    manager.close();
  }

  /**
   * The actor heads on a minibatch.
   *
   * @param pointLogp {@code [ues, B, 6]} log-probabilities of the points
   * @param channelLogp {@code [ues, B, C]} log-probabilities of the sub-channels
   * @param powerMean {@code [ues, B]} power mean in head units (Gaussian head; else null)
   * @param powerStd {@code [ues, B]} power standard deviation in head units (Gaussian head; else
   *     null)
   * @param powerLogp {@code [ues, B, L]} log-probabilities of the power levels (categorical head;
   *     else null)
   */
  public record ActorHeads(
      NDArray pointLogp,
      NDArray channelLogp,
      NDArray powerMean,
      NDArray powerStd,
      NDArray powerLogp) {}
}
