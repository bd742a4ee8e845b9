package io.coinfer.contracts.messaging;

import io.coinfer.contracts.events.DecisionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest decision of every UE, as read from {@code coinfer.decisions}: a decision of an older
 * slot never replaces a newer one (partitions may deliver late). Thread-safe.
 */
public final class LatestDecisions {

  private final Map<String, DecisionEvent> latest = new ConcurrentHashMap<>();

  /**
   * Records a decision.
   *
   * @param decision the decision
   */
  public void record(DecisionEvent decision) {
    latest.merge(decision.ueId(), decision, (old, neu) -> neu.slot() >= old.slot() ? neu : old);
  }

  /**
   * The latest decision of a UE.
   *
   * @param ueId the UE id
   * @return the decision, or empty before the first one
   */
  public Optional<DecisionEvent> of(String ueId) {
    return Optional.ofNullable(latest.get(ueId));
  }

  /**
   * Forgets a UE.
   *
   * @param ueId the UE id
   */
  public void forget(String ueId) {
    latest.remove(ueId);
  }
}
