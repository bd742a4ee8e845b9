package io.coinfer.mahppo.ppo;

/**
 * Generalised advantage estimation (Schulman et al., 2016) over one rollout of a single
 * environment, handling both ways an episode can stop.
 *
 * <p>At step {@code t}: {@code terminal[t]} means every UE finished, so nothing follows and the
 * next value is 0; {@code cut[t]} means the next state exists but is not step {@code t+1} of this
 * buffer (the episode was truncated by the slot cap, or the rollout ended mid-episode), so the next
 * value is {@code bootstrap[t] = V(s_{t+1})} and the advantage recursion restarts. The published
 * code treats neither: it runs GAE across episode boundaries and uses {@code lambda} instead of
 * {@code gamma * lambda} in the recursion.
 */
public final class Gae {

  private Gae() {}

  /**
   * Computes advantages and the two critic targets.
   *
   * @param rewards {@code r_t}
   * @param values {@code V(s_t)}
   * @param terminal whether step t ended the episode with every UE finished
   * @param cut whether step t's successor is not step t+1 (truncation or end of the rollout)
   * @param bootstrap {@code V(s_{t+1})} where {@code cut[t]} and not {@code terminal[t]}
   * @param gamma discount per step
   * @param lambda GAE lambda
   * @param advantages out: {@code A_t}
   * @param lambdaReturns out: {@code A_t + V(s_t)}
   * @param tdTargets out: {@code r_t + gamma * V(s_{t+1})} (0 for the next value when terminal)
   */
  public static void compute(
      float[] rewards,
      float[] values,
      boolean[] terminal,
      boolean[] cut,
      float[] bootstrap,
      double gamma,
      double lambda,
      float[] advantages,
      float[] lambdaReturns,
      float[] tdTargets) {
    int n = rewards.length;
    double nextAdvantage = 0;
    for (int t = n - 1; t >= 0; t--) {
      double nextValue;
      if (terminal[t]) {
        nextValue = 0;
        nextAdvantage = 0;
      } else if (cut[t] || t == n - 1) {
        if (!cut[t]) {
          throw new IllegalArgumentException("the last step of a rollout must be terminal or cut");
        }
        nextValue = bootstrap[t];
        nextAdvantage = 0;
      } else {
        nextValue = values[t + 1];
      }
      double target = rewards[t] + gamma * nextValue;
      double advantage = target - values[t] + gamma * lambda * nextAdvantage;
      advantages[t] = (float) advantage;
      lambdaReturns[t] = (float) (advantage + values[t]);
      tdTargets[t] = (float) target;
      nextAdvantage = advantage;
    }
  }
}
