package io.coinfer.orchestrator.slot;

import io.coinfer.contracts.events.DecisionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which of a slot's decisions are published: a UE's decision goes out when it differs from the last
 * one published for that UE (point, sub-channel, power, policy and its version, source,
 * corrections), and otherwise as a heartbeat once every {@code heartbeatSlots} slots, at a slot of
 * the UE's own (its id's hash picks it, so the heartbeats of a fleet spread over the period), and
 * never more than {@code heartbeatSlots} slots after its previous one (a slot the clock skipped
 * does not delay it). A heartbeat is the slot's decision like any other (its slot and {@code
 * decidedAt} are this slot's), so compression-service's keep window counts from it. A UE's first
 * decision, the first after the orchestrator starts, and the first after the UE was gone, always go
 * out. Not thread-safe: the slot clock calls it from its one thread.
 */
final class PublishedDecisions {

  private final int heartbeatSlots;
  private Map<String, DecisionEvent> last = new HashMap<>();

  /**
   * An empty record of published decisions.
   *
   * @param heartbeatSlots the most slots between two publications of an unchanged decision (&ge; 1;
   *     1 publishes every decision)
   */
  PublishedDecisions(int heartbeatSlots) {
    if (heartbeatSlots < 1) {
      throw new IllegalArgumentException("heartbeat-slots must be >= 1, was " + heartbeatSlots);
    }
    this.heartbeatSlots = heartbeatSlots;
  }

  /**
   * Picks the decisions of a slot to publish; call {@link #published} for each once it is sent. UEs
   * that have no decision in this slot (deregistered) are forgotten.
   *
   * @param slot the slot number
   * @param decisions the slot's decisions, one per UE
   * @return the decisions to publish, in the given order
   */
  List<DecisionEvent> toPublish(long slot, List<DecisionEvent> decisions) {
    Map<String, DecisionEvent> current = new HashMap<>(decisions.size() * 2);
    List<DecisionEvent> out = new ArrayList<>();
    for (DecisionEvent d : decisions) {
      DecisionEvent previous = last.get(d.ueId());
      if (previous != null) {
        current.put(d.ueId(), previous);
      }
      if (previous == null
          || !sameAction(previous, d)
          || slot - previous.slot() >= heartbeatSlots
          || Math.floorMod(slot, heartbeatSlots)
              == Math.floorMod(d.ueId().hashCode(), heartbeatSlots)) {
        out.add(d);
      }
    }
    last = current;
    return out;
  }

  /**
   * Records a decision as published.
   *
   * @param decision the decision sent
   */
  void published(DecisionEvent decision) {
    last.put(decision.ueId(), decision);
  }

  /** Whether two decisions tell the UE the same thing (whatever their slots). */
  static boolean sameAction(DecisionEvent a, DecisionEvent b) {
    return a.point() == b.point()
        && a.subChannel() == b.subChannel()
        && Double.compare(a.powerW(), b.powerW()) == 0
        && a.policyId().equals(b.policyId())
        && a.policyVersion().equals(b.policyVersion())
        && a.source() == b.source()
        && Objects.equals(a.corrections(), b.corrections());
  }
}
