package io.coinfer.cli.evaluate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How {@code coinfer evaluate} prints its rows. */
enum ResultFormat {
  /** An aligned table for people, with the change against local in percent. */
  TABLE {
    @Override
    void print(List<PolicyResult> rows, String title, PrintWriter out) {
      out.println(title);
      int width = Math.max(16, rows.stream().mapToInt(r -> r.policy().length()).max().orElse(0));
      String line = "%-" + width + "s %14s %9s %14s %9s %10s %12s %12s %11s %9s %12s";
      String header =
          String.format(
              Locale.ROOT,
              line,
              "policy",
              "latency/task",
              "vs local",
              "energy/task",
              "vs local",
              "objective",
              "task mean",
              "task p95",
              "reward",
              "slots",
              "ms/decision");
      out.println(header);
      out.println(
          String.format(
              Locale.ROOT,
              line,
              "",
              "(s)",
              "(%)",
              "(J)",
              "(%)",
              "",
              "(s)",
              "(s)",
              "",
              "",
              "(wall)"));
      for (PolicyResult r : rows) {
        out.println(
            String.format(
                Locale.ROOT,
                line,
                r.policy(),
                number(r.latencyPerTask(), "%.6f"),
                number(r.latencyVsLocalPercent(), "%+.1f"),
                number(r.energyPerTask(), "%.6f"),
                number(r.energyVsLocalPercent(), "%+.1f"),
                number(r.objective(), "%.5f"),
                number(r.meanTaskLatency(), "%.5f"),
                number(r.p95TaskLatency(), "%.5f"),
                number(r.reward(), "%.2f"),
                number(r.slots(), "%.1f"),
                number(r.msPerDecision(), "%.3f")));
      }
      if (rows.stream().anyMatch(r -> r.truncatedEpisodes() > 0)) {
        out.println("some episodes hit their slot cap; see truncatedEpisodes in --format json");
      }
    }
  },
  /** A JSON array, one object per policy. */
  JSON {
    @Override
    void print(List<PolicyResult> rows, String title, PrintWriter out) {
      JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
      out.println(mapper.writeValueAsString(rows));
    }
  },
  /** CSV with a header line. */
  CSV {
    @Override
    void print(List<PolicyResult> rows, String title, PrintWriter out) {
      out.println(String.join(",", PolicyResult.FIELDS));
      for (PolicyResult r : rows) {
        StringBuilder line = new StringBuilder();
        for (Object value : r.values()) {
          if (line.length() > 0) {
            line.append(',');
          }
          line.append(value == null ? "" : value);
        }
        out.println(line);
      }
    }
  };

  abstract void print(List<PolicyResult> rows, String title, PrintWriter out);

  private static String number(Double value, String pattern) {
    return value == null ? "-" : String.format(Locale.ROOT, pattern, value);
  }
}
