package io.coinfer.mec.eval;

import java.util.Arrays;

/**
 * How one episode went.
 *
 * @param slots slots run
 * @param tasks tasks of all UEs at episode start
 * @param finished tasks completed (less than {@code tasks} only when the episode was truncated)
 * @param latencyPerTask the paper's latency per task per device, {@code T N slots / finished}, in
 *     seconds
 * @param energyPerTask the paper's energy per task per device, {@code total UE energy / finished},
 *     in joules
 * @param meanTaskLatency mean over completed tasks of the time from the moment the UE started the
 *     task to its completion, in seconds (continuous time)
 * @param p50TaskLatency median of the same, in seconds
 * @param p95TaskLatency 95th percentile of the same, in seconds
 * @param makespanSeconds the continuous time at which the last task completed, in seconds
 * @param reward the summed reward of the slots
 * @param truncated whether the episode hit its slot cap before every task completed
 */
public record EpisodeMetrics(
    int slots,
    int tasks,
    int finished,
    double latencyPerTask,
    double energyPerTask,
    double meanTaskLatency,
    double p50TaskLatency,
    double p95TaskLatency,
    double makespanSeconds,
    double reward,
    boolean truncated) {

  /**
   * Nearest-rank percentile.
   *
   * @param sorted values in ascending order
   * @param fraction in (0, 1]
   * @return the smallest value with at least {@code fraction} of the values at or below it; NaN
   *     when there are none
   */
  static double percentile(double[] sorted, double fraction) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /**
   * @param latencies task latencies in seconds, any order
   * @return their mean, NaN when empty
   */
  static double mean(double[] latencies) {
    return latencies.length == 0 ? Double.NaN : Arrays.stream(latencies).sum() / latencies.length;
  }
}
