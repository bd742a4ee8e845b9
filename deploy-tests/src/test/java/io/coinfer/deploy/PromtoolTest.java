package io.coinfer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus' own checker on our files, where {@code promtool} is installed (Debian: {@code apt-get
 * install prometheus}); skipped elsewhere. It validates the compose Prometheus configuration, runs
 * the alert rules' unit tests, and parses every dashboard query as PromQL.
 */
class PromtoolTest {

  static Path promtool;

  @BeforeAll
  static void findPromtool() {
    Optional<Path> found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(dir -> Path.of(dir, "promtool"))
            .filter(Files::isExecutable)
            .findFirst();
    Assumptions.assumeTrue(found.isPresent(), "promtool is not installed");
    promtool = found.get();
  }

  record Run(int exitCode, String output) {}

  static Run promtool(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Run(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void theComposePrometheusConfigurationIsValid() throws Exception {
    Path dir = Repo.path("deploy/prometheus");
    Run run = promtool(dir, "check", "config", "prometheus.yml");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS");
  }

  @Test
  void theAlertRulesPassTheirUnitTests() throws Exception {
    Path dir = Repo.path("deploy/prometheus");
    Run run = promtool(dir, "test", "rules", "alerts-test.yml");
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void everyDashboardQueryIsValidPromQl(@TempDir Path tmp) throws Exception {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    int n = 0;
    for (JsonNode dashboard : GrafanaDashboardsTest.dashboards().values()) {
      for (String expr : GrafanaDashboardsTest.expressions(dashboard)) {
        // Grafana's variables as Grafana would fill them in for "All".
        String promql = expr.replace("$__rate_interval", "1m").replaceAll("\\$\\{?\\w+}?", ".*");
        rules
            .append("      - record: dashboard:query_")
            .append(n++)
            .append("\n        expr: '")
            .append(promql.replace("'", "''"))
            .append("'\n");
      }
    }
    assertThat(n).isGreaterThan(20);
    Files.writeString(tmp.resolve("dashboards.yml"), rules);
    Run run = promtool(tmp, "check", "rules", "dashboards.yml");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS: " + n + " rules found");
  }
}
