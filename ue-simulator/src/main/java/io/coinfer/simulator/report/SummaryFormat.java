package io.coinfer.simulator.report;

import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders a {@link RunSummary} for people (a table) or programs (JSON). */
public enum SummaryFormat {
  /** An aligned two-column table. */
  TABLE,
  /** One JSON object with the fields of {@link RunSummary}. */
  JSON;

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /**
   * @param summary the summary
   * @return its text in this format, ending with a newline
   */
  public String render(RunSummary summary) {
    return this == JSON ? MAPPER.writeValueAsString(summary) + "\n" : table(summary);
  }

  /**
   * A one-line live status, for progress output during a run.
   *
   * @param s the summary so far
   * @return e.g. {@code 12.0s done 40 failed 0 pending 3 p50 85 ms p95 140 ms 0.012 J/task p5:40}
   */
  public static String line(RunSummary s) {
    return String.format(
        Locale.ROOT,
        "%6.1fs  done %d  failed %d  pending %d  rejected %d  p50 %s  p95 %s  %s/task  points %s"
            + "  policy %s",
        s.elapsedS(),
        s.completed(),
        s.failed(),
        s.pending(),
        s.rejected(),
        ms(s.latencyP50S()),
        ms(s.latencyP95S()),
        joules(s.energyPerTaskJ()),
        s.pointsText(),
        s.policiesText());
  }

  private static String table(RunSummary s) {
    StringBuilder out = new StringBuilder();
    row(out, "duration", String.format(Locale.ROOT, "%.1f s", s.elapsedS()));
    row(out, "UEs", Integer.toString(s.ues()));
    row(out, "arrived", Long.toString(s.arrived()));
    row(out, "accepted", Long.toString(s.accepted()));
    row(out, "completed", Long.toString(s.completed()));
    row(out, "failed", Long.toString(s.failed()));
    row(out, "lost", s.lost() + (s.nothingLost() ? "" : "  <-- accepted but never finished"));
    row(out, "rejected", Long.toString(s.rejected()));
    row(out, "unsent", Long.toString(s.unsent()));
    row(out, "latency p50", ms(s.latencyP50S()));
    row(out, "latency p95", ms(s.latencyP95S()));
    row(out, "latency p99", ms(s.latencyP99S()));
    row(out, "latency mean", ms(s.latencyMeanS()));
    row(out, "overhead p50", ms(s.overheadP50S()));
    row(out, "overhead p95", ms(s.overheadP95S()));
    row(out, "overhead p99", ms(s.overheadP99S()));
    row(out, "DNN compute p50", ms(s.dnnP50S()));
    row(out, "model latency/task", ms(s.modelLatencyPerTaskS()));
    row(out, "model latency p95", ms(s.modelLatencyP95S()));
    row(out, "model latency max", ms(s.modelLatencyMaxS()));
    row(out, "energy/task", joules(s.energyPerTaskJ()));
    row(out, "throughput", String.format(Locale.ROOT, "%.2f jobs/s", s.throughputPerS()));
    row(
        out,
        "top-1 accuracy",
        Double.isNaN(s.top1Accuracy())
            ? "-"
            : String.format(Locale.ROOT, "%.1f %%", 100 * s.top1Accuracy()));
    row(out, "points in use", s.pointsText());
    row(out, "policies", s.policiesText());
    row(out, "failures", s.failuresByReason().isEmpty() ? "-" : s.failuresByReason().toString());
    return out.toString();
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append(String.format(Locale.ROOT, "%-20s %s%n", name, value));
  }

  /**
   * @param seconds a time, seconds (NaN: none)
   * @return it in milliseconds, e.g. {@code 85.2 ms}, or {@code -}
   */
  public static String ms(double seconds) {
    return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
  }

  /**
   * @param j an energy, joules (NaN: none)
   * @return it as {@code 0.0123 J}, or {@code -}
   */
  public static String joules(double j) {
    return Double.isNaN(j) ? "-" : String.format(Locale.ROOT, "%.4f J", j);
  }
}
