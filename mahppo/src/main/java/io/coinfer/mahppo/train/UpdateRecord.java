package io.coinfer.mahppo.train;

import io.coinfer.mahppo.ppo.UpdateStats;

/**
 * What one PPO update reports: one row of {@code metrics.csv}.
 *
 * @param update the update's number, from 1
 * @param steps environment steps done after it
 * @param seconds wall-clock time since the run started, s
 * @param stepsPerSecond steps of this run per second so far
 * @param stats the PPO diagnostics
 * @param episodicReturn mean summed reward of the training episodes that ended in the rollout (NaN
 *     if none did)
 * @param testLatency deterministic test-scenario latency per task per device after the update, s
 * @param testEnergy deterministic test-scenario energy per task per device after the update, J
 * @param clonePoint while cloning a teacher: the share of the rollout's decisions where the policy
 *     (acting on its most likely actions, as served) took the teacher's point, before this update
 *     trained on them ({@link CloneFidelity}); NaN for PPO updates
 * @param cloneChannel the same for the sub-channel, over the teacher's offloading decisions
 * @param clonePowerDecades the same for the power: mean |log10(policy W / teacher W)|
 */
public record UpdateRecord(
    long update,
    long steps,
    double seconds,
    double stepsPerSecond,
    UpdateStats stats,
    double episodicReturn,
    double testLatency,
    double testEnergy,
    double clonePoint,
    double cloneChannel,
    double clonePowerDecades) {

  /** The CSV header matching {@link #csvRow()}. */
  public static final String CSV_HEADER =
      "update,steps,seconds,steps_per_second,policy_loss_point,policy_loss_channel,"
          + "policy_loss_power,entropy_point,entropy_channel,entropy_power,value_loss,approx_kl,"
          + "clip_fraction,explained_variance,learning_rate,episodic_return,test_latency_per_task,"
          + "test_energy_per_task,clone_point_agreement,clone_channel_agreement,"
          + "clone_power_decades";

  /** This record as one CSV line (no newline). */
  public String csvRow() {
    return String.join(
        ",",
        Long.toString(update),
        Long.toString(steps),
        fmt(seconds),
        fmt(stepsPerSecond),
        fmt(stats.policyLossPoint()),
        fmt(stats.policyLossChannel()),
        fmt(stats.policyLossPower()),
        fmt(stats.entropyPoint()),
        fmt(stats.entropyChannel()),
        fmt(stats.entropyPower()),
        fmt(stats.valueLoss()),
        fmt(stats.approxKl()),
        fmt(stats.clipFraction()),
        fmt(stats.explainedVariance()),
        fmt(stats.learningRate()),
        fmt(episodicReturn),
        fmt(testLatency),
        fmt(testEnergy),
        fmt(clonePoint),
        fmt(cloneChannel),
        fmt(clonePowerDecades));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
  }
}
