package io.coinfer.mahppo.ppo;

import ai.djl.ndarray.NDArray;
import io.coinfer.mahppo.policy.Scalars;

/** The pieces of the PPO objective (Schulman et al., 2017), on DJL arrays of shape [agents, B]. */
public final class PpoLoss {

  private PpoLoss() {}

  /**
   * The clipped surrogate loss of one head for every agent: {@code -mean_b min(rho A, clip(rho, 1 -
   * eps, 1 + eps) A)} over the samples where {@code mask} is 1.
   *
   * @param newLogp {@code [agents, B]} log-probabilities under the current policy
   * @param oldLogp {@code [agents, B]} log-probabilities under the rollout policy
   * @param advantages {@code [B]} normalised advantages shared by all heads and agents
   * @param mask {@code [agents, B]} 1 for samples that train this head, 0 otherwise
   * @param clipEpsilon the clip range
   * @return {@code [agents]} the loss of each agent (0 where the mask is all 0)
   */
  public static NDArray clippedSurrogate(
      NDArray newLogp, NDArray oldLogp, NDArray advantages, NDArray mask, double clipEpsilon) {
    NDArray ratio = newLogp.sub(oldLogp).exp();
    NDArray unclipped = ratio.mul(advantages);
    NDArray clipped = ratio.clip(1 - clipEpsilon, 1 + clipEpsilon).mul(advantages);
    NDArray objective = unclipped.minimum(clipped).mul(mask);
    return objective.sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f)).neg();
  }

  /**
   * The masked mean over samples of a per-sample quantity, per agent.
   *
   * @param values {@code [agents, B]}
   * @param mask {@code [agents, B]}
   * @return {@code [agents]}
   */
  public static NDArray maskedMean(NDArray values, NDArray mask) {
    return values.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f));
  }

  /**
   * The log-density of a Gaussian at {@code x}, one value per element.
   *
   * @param x {@code [agents, B]} the sampled (unclamped) powers
   * @param mean {@code [agents, B]}
   * @param std {@code [agents, B]}
   * @return {@code [agents, B]}
   */
  public static NDArray gaussianLogProb(NDArray x, NDArray mean, NDArray std) {
    NDArray z = x.sub(mean).div(std);
    return Scalars.times(z.square(), -0.5).sub(std.log()).sub(0.5 * Math.log(2 * Math.PI));
  }

  /** The entropy of a Gaussian of standard deviation {@code std}, element-wise. */
  public static NDArray gaussianEntropy(NDArray std) {
    return std.log().add(0.5 + 0.5 * Math.log(2 * Math.PI));
  }

  /** The entropy of categorical distributions given log-probabilities on the last axis. */
  public static NDArray categoricalEntropy(NDArray logp) {
    int last = logp.getShape().dimension() - 1;
    return logp.exp().mul(logp).sum(new int[] {last}).neg();
  }
}
