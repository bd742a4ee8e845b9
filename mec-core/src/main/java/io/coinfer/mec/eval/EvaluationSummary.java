package io.coinfer.mec.eval;

import java.util.List;

/**
 * The mean over K episodes of one scheduler's {@link EpisodeMetrics}.
 *
 * @param policy the scheduler's spec
 * @param episodes K
 * @param latencyPerTask mean paper latency per task per device, in seconds
 * @param energyPerTask mean paper energy per task per device, in joules
 * @param meanTaskLatency mean of the episodes' mean continuous-time task latency, in seconds
 * @param p50TaskLatency mean of the episodes' median task latency, in seconds
 * @param p95TaskLatency mean of the episodes' 95th-percentile task latency, in seconds
 * @param makespanSeconds mean continuous time of the last completion, in seconds
 * @param reward mean summed reward
 * @param slots mean slots per episode
 * @param truncatedEpisodes episodes that hit their slot cap
 * @param perEpisode the episodes themselves
 */
public record EvaluationSummary(
    String policy,
    int episodes,
    double latencyPerTask,
    double energyPerTask,
    double meanTaskLatency,
    double p50TaskLatency,
    double p95TaskLatency,
    double makespanSeconds,
    double reward,
    double slots,
    int truncatedEpisodes,
    List<EpisodeMetrics> perEpisode) {

  /** Copies the list. */
  public EvaluationSummary {
    perEpisode = List.copyOf(perEpisode);
  }

  /**
   * @param policy the scheduler's spec
   * @param episodes at least one episode
   * @return their means
   */
  public static EvaluationSummary of(String policy, List<EpisodeMetrics> episodes) {
    if (episodes.isEmpty()) {
      throw new IllegalArgumentException("no episodes to summarise");
    }
    int k = episodes.size();
    return new EvaluationSummary(
        policy,
        k,
        episodes.stream().mapToDouble(EpisodeMetrics::latencyPerTask).sum() / k,
        episodes.stream().mapToDouble(EpisodeMetrics::energyPerTask).sum() / k,
        episodes.stream().mapToDouble(EpisodeMetrics::meanTaskLatency).sum() / k,
        episodes.stream().mapToDouble(EpisodeMetrics::p50TaskLatency).sum() / k,
        episodes.stream().mapToDouble(EpisodeMetrics::p95TaskLatency).sum() / k,
        episodes.stream().mapToDouble(EpisodeMetrics::makespanSeconds).sum() / k,
        episodes.stream().mapToDouble(EpisodeMetrics::reward).sum() / k,
        episodes.stream().mapToDouble(EpisodeMetrics::slots).sum() / k,
        (int) episodes.stream().filter(EpisodeMetrics::truncated).count(),
        episodes);
  }
}
