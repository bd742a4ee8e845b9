package io.coinfer.cli.bench;

import io.coinfer.simulator.report.RunSummary;
import io.coinfer.simulator.report.SummaryFormat;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The result of one {@code coinfer bench load} run: what was offered, on which machine state, and
 * what became of the jobs ({@link RunSummary}, whose overhead percentiles are end-to-end latency
 * minus the DNN compute measured for each job).
 *
 * @param ues simulated UEs
 * @param ratePerUe Poisson job rate of each UE, jobs per second
 * @param durationS how long jobs arrived, seconds
 * @param net the DNN
 * @param modelId the split model served (splitnn's store id)
 * @param policy the orchestrator's policy spec
 * @param cores processors available to the JVM
 * @param loadAverageStart the system load average over the last minute when the fleet started (-1
 *     when the OS does not tell)
 * @param loadAverageEnd the same when the run ended
 * @param overheadTargetS the p50 platform overhead the run is held to, seconds
 * @param summary what became of the jobs
 */
public record LoadReport(
    int ues,
    double ratePerUe,
    double durationS,
    String net,
    String modelId,
    String policy,
    int cores,
    double loadAverageStart,
    double loadAverageEnd,
    double overheadTargetS,
    RunSummary summary) {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /**
   * @return the offered load: UEs times the rate per UE, jobs per second
   */
  public double offeredPerS() {
    return ues * ratePerUe;
  }

  /**
   * @return whether no accepted job was lost and the median overhead is under the target
   */
  public boolean targetMet() {
    return summary.nothingLost() && summary.overheadP50S() < overheadTargetS;
  }

  /**
   * @param format table or JSON
   * @return the report in that format, ending with a newline
   */
  public String render(SummaryFormat format) {
    if (format == SummaryFormat.JSON) {
      return JSON.writeValueAsString(this) + "\n";
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "bench load: %d UEs x %s jobs/s = %s jobs/s offered for %.0f s; %s (%s), policy %s%n",
            ues,
            number(ratePerUe),
            number(offeredPerS()),
            durationS,
            net,
            modelId,
            policy));
    out.append(
        String.format(
            Locale.ROOT,
            "machine: %d cores, load average %.2f at the start, %.2f at the end%n%n",
            cores,
            loadAverageStart,
            loadAverageEnd));
    out.append(SummaryFormat.TABLE.render(summary));
    out.append(
        String.format(
            Locale.ROOT,
            "%ntarget (lost = 0, overhead p50 < %s): %s%n",
            SummaryFormat.ms(overheadTargetS),
            targetMet() ? "met" : "MISSED"));
    return out.toString();
  }

  /**
   * A one-line progress report.
   *
   * @param s the summary so far
   * @return e.g. {@code 10.0s accepted 980 done 975 failed 0 pending 5 rejected 0 97.5 jobs/s e2e
   *     p50 21.0 ms overhead p50 8.1 ms p95 19.7 ms}
   */
  static String progress(RunSummary s) {
    return String.format(
        Locale.ROOT,
        "%6.1fs  accepted %d  done %d  failed %d  pending %d  rejected %d  %.1f jobs/s  e2e p50 %s"
            + "  overhead p50 %s p95 %s",
        s.elapsedS(),
        s.accepted(),
        s.completed(),
        s.failed(),
        s.pending(),
        s.rejected(),
        s.throughputPerS(),
        SummaryFormat.ms(s.latencyP50S()),
        SummaryFormat.ms(s.overheadP50S()),
        SummaryFormat.ms(s.overheadP95S()));
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
