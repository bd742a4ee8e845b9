package io.coinfer.contracts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.SlotNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatestDecisionsTest {

  private static final Duration SLOT = Duration.ofMillis(500);
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void shouldKeepTheNewestSlotWhateverTheOrderOfArrival() {
    LatestDecisions latest = new LatestDecisions();
    latest.record(decision(T0.plus(SLOT), 2));
    latest.record(decision(T0, 1)); // late
    assertThat(latest.of("ue-1")).get().extracting(DecisionEvent::point).isEqualTo(2);
  }

  @Test
  void shouldTakeARestartedOrchestratorsDecisionsEvenWithSmallerSlotNumbers() {
    // a run with 200 ms slots numbers its slots 2.5x higher than a later run with 500 ms slots
    LatestDecisions latest = new LatestDecisions();
    Instant old = T0;
    Instant restarted = T0.plusSeconds(10);
    latest.record(
        new DecisionEvent(
            Event.SCHEMA_VERSION,
            "ue-1",
            SlotNumber.at(old, Duration.ofMillis(200)),
            1,
            0,
            0.5,
            "fixed:1:0.5",
            "builtin",
            DecisionSource.POLICY,
            old));
    latest.record(decision(restarted, 3));
    assertThat(latest.of("ue-1")).get().extracting(DecisionEvent::point).isEqualTo(3);
  }

  @Test
  void shouldKeepADecisionForTheKeepWindowThenDropIt() {
    LatestDecisions latest = new LatestDecisions();
    Duration keep = SLOT.multipliedBy(10);
    latest.record(decision(T0, 2));
    assertThat(latest.current("ue-1", T0.plus(keep), keep)).isPresent();
    assertThat(latest.current("ue-1", T0.plus(keep).plusNanos(1), keep)).isEmpty();
    assertThat(latest.current("ue-2", T0, keep)).isEmpty();
    // a newer decision is kept again
    latest.record(decision(T0.plus(keep).plus(SLOT), 4));
    assertThat(latest.current("ue-1", T0.plus(keep).plus(SLOT), keep))
        .get()
        .extracting(DecisionEvent::point)
        .isEqualTo(4);
  }

  @Test
  void shouldForgetAUeWhoseLatestDecisionFellAHorizonBehindTheNewest() {
    // Given a horizon of 5 s, and UE 1 decided at T0, UE 2 at T0 + 3 s
    LatestDecisions latest = new LatestDecisions(Duration.ofSeconds(5));
    latest.record(decision("ue-1", T0, 1));
    latest.record(decision("ue-2", T0.plusSeconds(3), 2));

    // When UE 3 is decided at T0 + 6 s
    latest.record(decision("ue-3", T0.plusSeconds(6), 3));

    // Then UE 1 (6 s behind) is forgotten, UE 2 (3 s behind) and UE 3 are kept
    assertThat(latest.of("ue-1")).isEmpty();
    assertThat(latest.of("ue-2")).get().extracting(DecisionEvent::point).isEqualTo(2);
    assertThat(latest.of("ue-3")).isPresent();
  }

  @Test
  void shouldKeepEveryUeWithoutAHorizon() {
    LatestDecisions latest = new LatestDecisions();
    latest.record(decision("ue-1", T0, 1));
    latest.record(decision("ue-2", T0.plus(Duration.ofDays(1)), 2));
    assertThat(latest.of("ue-1")).isPresent();
  }

  @Test
  void shouldNumberSlotsFromTheEpoch() {
    assertThat(SlotNumber.at(Instant.EPOCH, SLOT)).isZero();
    assertThat(SlotNumber.at(Instant.EPOCH.plusMillis(499), SLOT)).isZero();
    assertThat(SlotNumber.at(Instant.EPOCH.plusMillis(500), SLOT)).isEqualTo(1);
    assertThat(SlotNumber.at(T0, SLOT)).isEqualTo(T0.toEpochMilli() / 500);
  }

  private static DecisionEvent decision(Instant decidedAt, int point) {
    return decision("ue-1", decidedAt, point);
  }

  private static DecisionEvent decision(String ueId, Instant decidedAt, int point) {
    return new DecisionEvent(
        Event.SCHEMA_VERSION,
        ueId,
        SlotNumber.at(decidedAt, SLOT),
        point,
        0,
        0.5,
        "fixed:" + point + ":0.5",
        "builtin",
        DecisionSource.POLICY,
        decidedAt);
  }
}
