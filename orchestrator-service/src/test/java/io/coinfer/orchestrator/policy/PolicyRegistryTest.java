package io.coinfer.orchestrator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.mec.profile.Net;
import io.coinfer.orchestrator.config.OrchestratorSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.ErrorResponseException;

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

  @Test
  void shouldSwitchBetaWithThePolicyAndKeepItWhenASwitchOmitsIt() {
    // Given an orchestrator at the paper's beta, running static-search
    PolicyRegistry policies = new PolicyRegistry(settings(1.0));
    var before = policies.scheduler(policies.active(), Net.RESNET18, 5).orElseThrow();

    // When an operator switches to beta 0.25, then to another policy without a beta
    var quarter = policies.switchTo("static-search", 0.25);
    var rebuilt = policies.scheduler(policies.active(), Net.RESNET18, 5).orElseThrow();
    var greedy = policies.switchTo("greedy");

    // Then the schedulers are built again for the new beta, which the next switch keeps
    assertThat(quarter.beta()).isEqualTo(0.25);
    assertThat(rebuilt).isNotSameAs(before);
    assertThat(policies.config(Net.RESNET18, 5).beta()).isEqualTo(0.25);
    assertThat(greedy.spec()).isEqualTo("greedy");
    assertThat(greedy.beta()).isEqualTo(0.25);
  }

  @Test
  void shouldRefuseABetaThatIsNegativeOrNotAFiniteNumberAndKeepThePolicy() {
    PolicyRegistry policies = new PolicyRegistry(settings(1.0));

    for (double beta : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> policies.switchTo("greedy", beta))
          .isInstanceOf(ErrorResponseException.class)
          .hasMessageContaining("beta must be a finite number >= 0, got " + beta);
    }
    assertThat(policies.view().spec()).isEqualTo("static-search");
    assertThat(policies.view().beta()).isEqualTo(1.0);
    // beta 0, latency alone, is a weight like any other
    assertThat(policies.switchTo("greedy", 0.0).beta()).isEqualTo(0.0);
  }

  @Test
  void shouldServeABetaConditionedCheckpointInsideItsRangeAndNameTheRangeOutsideIt(
      @TempDir Path dir) {
    // Given a checkpoint for 5 UEs trained over beta in [0.1, 1]
    String spec = "mahppo:" + TestCheckpoints.writeBetaConditioned(dir, 5, 0.1, 1.0);
    PolicyRegistry policies = new PolicyRegistry(settings(1.0));

    // When an operator asks for it at beta 2, then at 0.3
    // Then the first is refused with the range (among the probed fleets' reasons), the second runs
    assertThatThrownBy(() -> policies.switchTo(spec, 2.0))
        .isInstanceOf(ErrorResponseException.class)
        .hasMessageContaining("at beta 2.0")
        .hasMessageContaining("was trained for beta in [0.1, 1.0]; the scenario's beta is 2.0");
    assertThat(policies.switchTo(spec, 0.3).beta()).isEqualTo(0.3);
    assertThat(policies.scheduler(policies.active(), Net.RESNET18, 5)).isPresent();
  }

  private static OrchestratorSettings settings(double beta) {
    return new OrchestratorSettings(
        new OrchestratorSettings.Slot(Duration.ofMillis(500), Duration.ofSeconds(30), 4),
        new OrchestratorSettings.Policy("static-search", "local", 0, beta),
        new OrchestratorSettings.Radio(2, 1.0, 1.0, 100.0));
  }
}
