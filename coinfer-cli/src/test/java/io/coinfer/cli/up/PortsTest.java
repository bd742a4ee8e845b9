package io.coinfer.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {

  @Test
  void shouldRejectTwoServicesOnOnePortIncludingManagementPorts() {
    assertThatThrownBy(() -> new Ports(9092, 8080, 8080, 8082, 8083))
        .hasMessage("orchestrator and gateway would share port 8080; choose another");
    assertThatThrownBy(() -> new Ports(9080, 8080, 8081, 8082, 8083))
        .hasMessage("gateway management and kafka would share port 9080; choose another");
    assertThatThrownBy(() -> new Ports(9092, 0, 8081, 8082, 8083))
        .hasMessageContaining("gateway port must be in 1..");
  }

  @Test
  void shouldWriteAScrapeJobPerServiceOnItsManagementPort(@TempDir Path dir) throws Exception {
    Ports ports = new Ports(19092, 18080, 18081, 18082, 18083);
    Path file = dir.resolve("sub/prometheus-coinfer.yml");

    PrometheusConfig.write(file, ports);

    String yaml = Files.readString(file);
    assertThat(yaml)
        .contains("scrape_configs:")
        .contains("  - job_name: ue-gateway\n    metrics_path: /actuator/prometheus\n")
        .contains("      - targets: [\"127.0.0.1:19080\"]")
        .contains("  - job_name: orchestrator-service")
        .contains("      - targets: [\"127.0.0.1:19081\"]")
        .contains("  - job_name: compression-service")
        .contains("      - targets: [\"127.0.0.1:19082\"]")
        .contains("  - job_name: inference-service")
        .contains("      - targets: [\"127.0.0.1:19083\"]");
    assertThat(yaml.lines().filter(l -> l.contains("job_name"))).hasSize(4);
  }
}
