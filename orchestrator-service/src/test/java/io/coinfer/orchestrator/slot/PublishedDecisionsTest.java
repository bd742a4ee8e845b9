package io.coinfer.orchestrator.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.contracts.events.DecisionCorrection;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which decisions go out: the changed ones, and a heartbeat of the others. */
class PublishedDecisionsTest {

  private static final int HEARTBEAT = 4;

  private final PublishedDecisions published = new PublishedDecisions(HEARTBEAT);

  @Test
  void shouldPublishEveryUesFirstDecision() {
    List<DecisionEvent> slot = List.of(fixed("ue-a", 100, 2), fixed("ue-b", 100, 2));

    assertThat(publish(100, slot)).isEqualTo(slot);
  }

  @Test
  void shouldPublishAnUnchangedDecisionOnlyAsAHeartbeatOncePerHeartbeatSlots() {
    // Given a UE whose decision never changes, over 41 slots
    List<Long> out = new ArrayList<>();
    for (long slot = 100; slot <= 140; slot++) {
      if (!publish(slot, List.of(fixed("ue-a", slot, 2))).isEmpty()) {
        out.add(slot);
      }
    }

    // Then it goes out at the first slot, then once every HEARTBEAT slots at its own phase
    assertThat(out.get(0)).isEqualTo(100);
    List<Long> heartbeats = out.subList(1, out.size());
    assertThat(heartbeats).hasSize(10);
    for (int i = 1; i < heartbeats.size(); i++) {
      assertThat(heartbeats.get(i) - heartbeats.get(i - 1)).isEqualTo(HEARTBEAT);
    }
    assertThat(heartbeats.get(0) - 100).isBetween(1L, (long) HEARTBEAT);
  }

  @Test
  void shouldPublishAChangeAtOnce() {
    publish(100, List.of(fixed("ue-a", 100, 2)));
    long quiet = nextSlotWithoutHeartbeat(101, "ue-a");

    // a new point, sub-channel, power, policy, source or correction is a change
    List<DecisionEvent> changes =
        List.of(
            fixed("ue-a", quiet, 3),
            decision("ue-a", quiet, 2, 1, 0.5, "fixed", DecisionSource.POLICY, List.of()),
            decision("ue-a", quiet, 2, 0, 0.4, "fixed", DecisionSource.POLICY, List.of()),
            decision("ue-a", quiet, 2, 0, 0.5, "local", DecisionSource.POLICY, List.of()),
            decision(
                "ue-a",
                quiet,
                2,
                0,
                0.5,
                "fixed",
                DecisionSource.POLICY_CLAMPED,
                List.of(DecisionCorrection.POWER_ABOVE_PMAX)));
    for (DecisionEvent change : changes) {
      PublishedDecisions fresh = new PublishedDecisions(HEARTBEAT);
      publish(fresh, 100, List.of(fixed("ue-a", 100, 2)));
      assertThat(publish(fresh, quiet, List.of(change))).as("%s", change).containsExactly(change);
    }
    // and the same decision in a quiet slot is not
    assertThat(publish(quiet, List.of(fixed("ue-a", quiet, 2)))).isEmpty();
  }

  @Test
  void shouldSendAHeartbeatNoLaterThanHeartbeatSlotsAfterTheLastEvenWhenSlotsWereSkipped() {
    // Given a UE's decision published at slot 100, and a clock that skips its phase slots
    publish(100, List.of(fixed("ue-a", 100, 2)));

    // Then the slot HEARTBEAT slots later publishes it, whatever its phase
    assertThat(publish(100 + HEARTBEAT, List.of(fixed("ue-a", 100 + HEARTBEAT, 2)))).hasSize(1);
  }

  @Test
  void shouldSpreadTheHeartbeatsOfAFleetOverTheHeartbeatSlots() {
    // Given 200 UEs with unchanged decisions
    List<String> ues = LongStream.range(0, 200).mapToObj(i -> "ue-" + i).toList();
    publish(100, ues.stream().map(ue -> fixed(ue, 100, 2)).toList());

    // Then each following slot publishes about a quarter of them, and every UE once per period
    int total = 0;
    for (long slot = 101; slot <= 100 + HEARTBEAT; slot++) {
      long s = slot;
      int n = publish(slot, ues.stream().map(ue -> fixed(ue, s, 2)).toList()).size();
      assertThat(n).isBetween(20, 80);
      total += n;
    }
    assertThat(total).isEqualTo(200);
  }

  @Test
  void shouldForgetAUeWithoutADecisionAndPublishItsNextOneAtOnce() {
    publish(100, List.of(fixed("ue-a", 100, 2), fixed("ue-b", 100, 2)));
    long quiet = nextSlotWithoutHeartbeat(101, "ue-a");
    // ue-a deregistered for a slot, then back with the same decision
    publish(quiet, List.of(fixed("ue-b", quiet, 2)));

    assertThat(publish(quiet + 1, List.of(fixed("ue-a", quiet + 1, 2)))).hasSize(1);
  }

  @Test
  void shouldPublishAgainADecisionThatWasNotSent() {
    // Given a changed decision picked but not sent (the send failed)
    publish(100, List.of(fixed("ue-a", 100, 2)));
    long quiet = nextSlotWithoutHeartbeat(101, "ue-a");
    assertThat(published.toPublish(quiet, List.of(fixed("ue-a", quiet, 3)))).hasSize(1);

    // Then the next slot picks it again
    assertThat(publish(quiet + 1, List.of(fixed("ue-a", quiet + 1, 3)))).hasSize(1);
  }

  @Test
  void shouldRefuseAHeartbeatBelowOneSlot() {
    assertThatThrownBy(() -> new PublishedDecisions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("heartbeat-slots");
  }

  /** The first slot from {@code from} that is not the UE's heartbeat phase (its phase is fixed). */
  private static long nextSlotWithoutHeartbeat(long from, String ueId) {
    long slot = from;
    while (Math.floorMod(slot, HEARTBEAT) == Math.floorMod(ueId.hashCode(), HEARTBEAT)) {
      slot++;
    }
    return slot;
  }

  private List<DecisionEvent> publish(long slot, List<DecisionEvent> decisions) {
    return publish(published, slot, decisions);
  }

  /** Picks a slot's decisions and sends them all. */
  private static List<DecisionEvent> publish(
      PublishedDecisions to, long slot, List<DecisionEvent> decisions) {
    List<DecisionEvent> out = to.toPublish(slot, decisions);
    out.forEach(to::published);
    return out;
  }

  private static DecisionEvent fixed(String ueId, long slot, int point) {
    return decision(ueId, slot, point, 0, 0.5, "fixed", DecisionSource.POLICY, List.of());
  }

  private static DecisionEvent decision(
      String ueId,
      long slot,
      int point,
      int subChannel,
      double powerW,
      String policyId,
      DecisionSource source,
      List<DecisionCorrection> corrections) {
    return new DecisionEvent(
        Event.SCHEMA_VERSION,
        ueId,
        slot,
        point,
        subChannel,
        powerW,
        policyId,
        "builtin",
        source,
        Instant.ofEpochMilli(slot * 500),
        corrections);
  }
}
