package io.coinfer.cli.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The Prometheus scrape configuration of the services {@code coinfer up} started. */
final class PrometheusConfig {

  /** The file written in the working directory unless another is given. */
  static final String DEFAULT_FILE = "prometheus-coinfer.yml";

  private PrometheusConfig() {}

  /**
   * The scrape configuration: one job per service (named after it, as in {@code
   * deploy/prometheus/prometheus.yml}) on its management port's {@code /actuator/prometheus}.
   *
   * @param ports the ports of the run
   * @return the YAML text
   */
  static String yaml(Ports ports) {
    StringBuilder out =
        new StringBuilder(
            "# Written by `coinfer up`: scrape the services it started on this machine.\n"
                + "# Run: prometheus --config.file="
                + DEFAULT_FILE
                + "\nglobal:\n  scrape_interval: 5s\n  evaluation_interval: 15s\n\n"
                + "scrape_configs:\n");
    for (Map.Entry<String, Integer> s : ports.services().entrySet()) {
      out.append("  - job_name: ")
          .append(s.getKey())
          .append("\n    metrics_path: /actuator/prometheus\n    static_configs:\n")
          .append("      - targets: [\"127.0.0.1:")
          .append(Ports.management(s.getValue()))
          .append("\"]\n");
    }
    return out.toString();
  }

  /**
   * Writes the configuration.
   *
   * @param file where
   * @param ports the ports of the run
   */
  static void write(Path file, Ports ports) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, yaml(ports));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Prometheus configuration " + file, e);
    }
  }
}
