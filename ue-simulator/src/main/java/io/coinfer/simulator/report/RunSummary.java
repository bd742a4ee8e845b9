package io.coinfer.simulator.report;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What became of a fleet's jobs, at the end of a run or at any moment during it.
 *
 * @param elapsedS seconds since the first job could arrive
 * @param ues UEs registered
 * @param arrived jobs that arrived at their UE
 * @param accepted jobs the gateway accepted with a job id
 * @param rejected submissions the gateway refused or that never reached it (no job id); a task
 *     refused with 429 or 503 is submitted again after the answer's {@code Retry-After}, so it may
 *     be counted here and then accepted
 * @param completed accepted jobs with a {@code DONE} result
 * @param failed accepted jobs with a {@code FAILED} result
 * @param pending accepted jobs without a terminal result yet (during a run)
 * @param lost accepted jobs without a terminal result when the run's grace period ended; must be 0
 * @param unsent jobs never submitted: still queued on their UE when arrivals stopped, or arrived to
 *     a full UE queue
 * @param latencyP50S median end-to-end latency of completed jobs as the UE saw it (submission to
 *     result), seconds
 * @param latencyP95S its 95th percentile, seconds
 * @param latencyP99S its 99th percentile, seconds
 * @param latencyMeanS its mean, seconds
 * @param overheadP50S median platform overhead of completed jobs: end-to-end latency minus the DNN
 *     compute measured for the job (head and encoder on compression-service, decoder and tail of
 *     its micro-batch on inference-service), seconds; NaN when no result carried edge timing
 * @param overheadP95S its 95th percentile, seconds
 * @param overheadP99S its 99th percentile, seconds
 * @param dnnP50S median DNN compute of completed jobs (what the overhead excludes), seconds
 * @param modelLatencyPerTaskS mean latency of completed jobs in the system model (UE compute +
 *     transmit), seconds
 * @param modelLatencyP95S the 95th percentile of the same, seconds
 * @param modelLatencyMaxS its largest value, seconds (one slow job among many shows here)
 * @param energyPerTaskJ mean UE energy (compute + transmit) of completed jobs, joules
 * @param throughputPerS completed jobs per second of {@code elapsedS}
 * @param top1Accuracy fraction of completed jobs whose best class is the image's true class
 * @param pointsInUse completed jobs per partition point of their decision
 * @param policies completed jobs per deciding policy, {@code id@version}
 * @param failuresByReason failed jobs per reason; {@code rejected:<status>} for refused submissions
 */
public record RunSummary(
    double elapsedS,
    int ues,
    long arrived,
    long accepted,
    long rejected,
    long completed,
    long failed,
    long pending,
    long lost,
    long unsent,
    double latencyP50S,
    double latencyP95S,
    double latencyP99S,
    double latencyMeanS,
    double overheadP50S,
    double overheadP95S,
    double overheadP99S,
    double dnnP50S,
    double modelLatencyPerTaskS,
    double modelLatencyP95S,
    double modelLatencyMaxS,
    double energyPerTaskJ,
    double throughputPerS,
    double top1Accuracy,
    SortedMap<Integer, Long> pointsInUse,
    SortedMap<String, Long> policies,
    SortedMap<String, Long> failuresByReason) {

  /** Copies the maps. */
  public RunSummary {
    pointsInUse = Collections.unmodifiableSortedMap(new TreeMap<>(pointsInUse));
    policies = Collections.unmodifiableSortedMap(new TreeMap<>(policies));
    failuresByReason = Collections.unmodifiableSortedMap(new TreeMap<>(failuresByReason));
  }

  /**
   * @return whether every accepted job reached a terminal result
   */
  public boolean nothingLost() {
    return lost == 0;
  }

  /**
   * @return the points in use as {@code p3:12 p5:4}, or {@code -} when none
   */
  public String pointsText() {
    return text(pointsInUse, "p");
  }

  /**
   * @return the policies as {@code local@builtin:16}, or {@code -} when none
   */
  public String policiesText() {
    return text(policies, "");
  }

  private static String text(Map<?, Long> counts, String prefix) {
    if (counts.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    counts.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : " ").append(prefix).append(k).append(':').append(v));
    return out.toString();
  }
}
