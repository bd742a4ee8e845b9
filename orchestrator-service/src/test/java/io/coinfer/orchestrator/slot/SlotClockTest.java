package io.coinfer.orchestrator.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.coinfer.contracts.events.DecisionCorrection;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.UeStateEvent;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.orchestrator.config.OrchestratorSettings;
import io.coinfer.orchestrator.policy.PolicyRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;

class SlotClockTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void shouldPublishWhatItCorrectedAndCountTheBrokenRules() {
    // Given an active policy that decides a power of -1 W for two fresh UEs, and a binder that
    // records what it is sent (the Kafka binder is not started for this test)
    OrchestratorSettings settings = settings("faulty:2:0:-1");
    UeBook book = new UeBook();
    for (String ue : List.of("ue-a", "ue-b")) {
      book.report(
          new UeStateEvent(
              Event.SCHEMA_VERSION, ue, "resnet18", "jetson-nano", 50, 1, 1, 0, Instant.now()),
          Instant.now());
    }
    EventJson json = new EventJson(VALIDATION.getValidator());
    StreamBridge bridge = mock(StreamBridge.class);
    List<Message<?>> sent = new ArrayList<>();
    when(bridge.send(eq(SlotClock.DECISIONS_OUT), any()))
        .thenAnswer(call -> sent.add(call.getArgument(1)));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SlotClock clock =
        new SlotClock(
            book, new PolicyRegistry(settings), new EventPublisher(bridge, json), meters, settings);

    // When one slot runs
    clock.tick();

    // Then both published decisions say the fallback decided because the power was not positive
    assertThat(sent)
        .hasSize(2)
        .allSatisfy(
            m -> {
              DecisionEvent d = json.read((byte[]) m.getPayload(), DecisionEvent.class);
              assertThat(d.source()).isEqualTo(DecisionSource.FALLBACK_INVALID_ACTION);
              assertThat(d.corrections()).containsExactly(DecisionCorrection.POWER_NOT_POSITIVE);
              assertThat(d.policyId()).isEqualTo("local");
            });
    // And the broken rule is counted once per decision
    assertThat(
            meters
                .get("coinfer.decisions.corrected")
                .tag("reason", "POWER_NOT_POSITIVE")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(clock.latest().orElseThrow().fallbackDecisions()).isEqualTo(2);
    // And both decisions, the UEs' first, were published and counted
    assertThat(meters.get("coinfer.decisions.published").counter().count()).isEqualTo(2.0);
  }

  @Test
  void shouldExportTheEnergyWeightThePoliciesScheduleForAndFollowASwitch() {
    // Given a clock whose policies start at the paper's beta
    OrchestratorSettings settings = settings("greedy");
    PolicyRegistry policies = new PolicyRegistry(settings);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    new SlotClock(
        new UeBook(),
        policies,
        new EventPublisher(mock(StreamBridge.class), new EventJson(VALIDATION.getValidator())),
        meters,
        settings);
    assertThat(meters.get("coinfer.policy.beta").gauge().value()).isEqualTo(1.0);

    // When an operator switches to beta 0.3
    policies.switchTo("greedy", 0.3);

    // Then the gauge reads it
    assertThat(meters.get("coinfer.policy.beta").gauge().value()).isEqualTo(0.3);
  }

  /** Half-second slots, 30 s staleness, the paper's radio and beta, local as the fallback. */
  private static OrchestratorSettings settings(String active) {
    return new OrchestratorSettings(
        new OrchestratorSettings.Slot(Duration.ofMillis(500), Duration.ofSeconds(30), 4),
        new OrchestratorSettings.Policy(active, "local", 0, 1.0),
        new OrchestratorSettings.Radio(2, 1.0, 1.0, 100.0));
  }
}
