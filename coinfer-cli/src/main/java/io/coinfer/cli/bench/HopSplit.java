package io.coinfer.cli.bench;

import io.coinfer.simulator.report.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a job's time goes between the gateway's acceptance and its result record, hop by hop, from
 * the {@code CreateTime} of its three records ({@code coinfer.jobs}, {@code coinfer.features},
 * {@code coinfer.results}: the producer's clock when it sent each) and the timings its result
 * carries. What is left of the end-to-end time (the HTTP request up to the acceptance, the results
 * hop and the gateway's answer, the client) is the load report's overhead minus these hops.
 *
 * @param jobs jobs seen with all three records and a result timing
 * @param steps the steps in path order, each with its percentiles in milliseconds
 */
public record HopSplit(int jobs, List<Step> steps) {

  /**
   * One step of the path.
   *
   * @param name what it covers
   * @param p10Ms its 10th percentile, milliseconds
   * @param p50Ms its median, milliseconds
   * @param p90Ms its 90th percentile, milliseconds
   */
  public record Step(String name, double p10Ms, double p50Ms, double p90Ms) {}

  /**
   * One job's timestamps and result timings, all in milliseconds; timestamps on the wall clock.
   *
   * @param acceptedAtMs when the gateway accepted it (the job's {@code submittedAt})
   * @param jobSentMs {@code CreateTime} of its {@code coinfer.jobs} record
   * @param featureSentMs {@code CreateTime} of its {@code coinfer.features} record
   * @param resultSentMs {@code CreateTime} of its {@code coinfer.results} record
   * @param headMs head + encoder on compression-service ({@code edge.headS})
   * @param queueWaitMs its wait for a tail batch ({@code edge.queueWaitS})
   * @param tailMs decoder + tail of its batch ({@code edge.tailS})
   */
  public record Job(
      double acceptedAtMs,
      double jobSentMs,
      double featureSentMs,
      double resultSentMs,
      double headMs,
      double queueWaitMs,
      double tailMs) {}

  /** The step names, in path order. */
  static final List<String> STEPS =
      List.of(
          "accepted -> job record sent",
          "jobs hop: job sent -> feature sent, minus head",
          "head + encoder",
          "features hop: feature sent -> result sent, minus wait and tail",
          "tail queue wait",
          "tail batch (decoder + tail)",
          "accepted -> result sent");

  /**
   * The split of some jobs.
   *
   * @param jobs the jobs
   * @return their percentiles per step
   */
  public static HopSplit of(List<Job> jobs) {
    double[][] v = new double[STEPS.size()][jobs.size()];
    for (int i = 0; i < jobs.size(); i++) {
      Job j = jobs.get(i);
      v[0][i] = j.jobSentMs() - j.acceptedAtMs();
      v[1][i] = j.featureSentMs() - j.jobSentMs() - j.headMs();
      v[2][i] = j.headMs();
      v[3][i] = j.resultSentMs() - j.featureSentMs() - j.queueWaitMs() - j.tailMs();
      v[4][i] = j.queueWaitMs();
      v[5][i] = j.tailMs();
      v[6][i] = j.resultSentMs() - j.acceptedAtMs();
    }
    List<Step> steps = new ArrayList<>();
    for (int s = 0; s < STEPS.size(); s++) {
      steps.add(
          new Step(
              STEPS.get(s),
              Percentiles.of(v[s], 0.1),
              Percentiles.of(v[s], 0.5),
              Percentiles.of(v[s], 0.9)));
    }
    return new HopSplit(jobs.size(), List.copyOf(steps));
  }

  /**
   * @return the split as a table, ending with a newline
   */
  public String table() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "hop by hop (%d jobs; record CreateTime, 1 ms resolution)  p10 / p50 / p90 ms%n",
                jobs));
    for (Step s : steps) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-64s %6.1f %6.1f %6.1f%n",
              s.name(),
              s.p10Ms(),
              s.p50Ms(),
              s.p90Ms()));
    }
    return b.toString();
  }
}
