package io.coinfer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/grafana/check-dashboard-metrics.sh} against a fake {@code /actuator/prometheus} on
 * loopback: it passes when every listed name is exported and names the ones that are not.
 */
class CheckScriptTest {

  static final Path SCRIPT = Repo.path("deploy/grafana/check-dashboard-metrics.sh");

  record Run(int exitCode, String output) {}

  static Run runAgainst(String exposition) throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        Stream.of("bash", "curl")
            .allMatch(
                tool ->
                    Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)))),
        "bash and curl are needed");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/actuator/prometheus",
        exchange -> {
          byte[] body = exposition.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/prometheus";
      Process p =
          new ProcessBuilder("bash", SCRIPT.toString(), url).redirectErrorStream(true).start();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return new Run(
          p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      server.stop(0);
    }
  }

  static String exposition(List<String> names) {
    return names.stream().map(n -> n + "{job=\"x\"} 1.0").collect(Collectors.joining("\n")) + "\n";
  }

  @Test
  void passesWhenEveryListedMetricIsExported() throws Exception {
    List<String> names = new ArrayList<>(GrafanaDashboardsTest.listedMetrics().keySet());
    names.remove("up");
    Run run = runAgainst("# HELP something\n" + exposition(names));
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain("MISSING");
  }

  @Test
  void namesTheMetricsThatAreNotExported() throws Exception {
    List<String> names = new ArrayList<>(GrafanaDashboardsTest.listedMetrics().keySet());
    names.remove("coinfer_tail_batch_size_bucket");
    // A longer name that starts with a missing one does not count as it.
    names.add("coinfer_tail_batch_size_bucket_extra");
    Run run = runAgainst(exposition(names));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output())
        .contains("MISSING  coinfer_tail_batch_size_bucket  (from inference-service)")
        .containsOnlyOnce("MISSING");
  }
}
