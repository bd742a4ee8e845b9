package io.coinfer.orchestrator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.mec.profile.Net;
import io.coinfer.orchestrator.config.OrchestratorSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyRegistryTest {

  @Test
  void shouldBuildTheSchedulersForTheConfiguredEnergyWeight() {
    // Given orchestrators set to beta 0.25 and to the paper's 1
    PolicyRegistry quarter = new PolicyRegistry(settings(0.25));
    PolicyRegistry paper = new PolicyRegistry(settings(1.0));

    // When they build a fleet's system
    // Then its beta, which static-search and the planners minimise for and beta-conditioned
    // checkpoints read, is the configured one; the rest is the configured radio
    assertThat(quarter.config(Net.RESNET18, 5).beta()).isEqualTo(0.25);
    assertThat(paper.config(Net.RESNET18, 5).beta()).isEqualTo(1.0);
    assertThat(quarter.config(Net.RESNET18, 5).channels()).isEqualTo(2);
  }

  private static OrchestratorSettings settings(double beta) {
    return new OrchestratorSettings(
        new OrchestratorSettings.Slot(Duration.ofMillis(500), Duration.ofSeconds(30), 4),
        new OrchestratorSettings.Policy("static-search", "local", 0, beta),
        new OrchestratorSettings.Radio(2, 1.0, 1.0, 100.0));
  }
}
