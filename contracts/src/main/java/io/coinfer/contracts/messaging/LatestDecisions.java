package io.coinfer.contracts.messaging;

import io.coinfer.contracts.events.DecisionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest decision of every UE, as read from {@code coinfer.decisions}: a decision of an older
 * slot never replaces a newer one (partitions may deliver late, a restarted consumer re-reads).
 * "Older" compares the slot's start ({@link DecisionEvent#decidedAt()}), then the slot number, so a
 * restarted orchestrator's decisions replace those of its previous run whatever its slot numbers.
 * Built with a horizon, it also forgets UEs whose latest decision fell that far behind the newest
 * one recorded (a deregistered UE gets no more decisions), so the map does not grow with every UE
 * that ever registered. Thread-safe.
 */
public final class LatestDecisions {

  private final Map<String, DecisionEvent> latest = new ConcurrentHashMap<>();
  private final Duration horizon;
  private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

  /** Keeps every UE's latest decision until {@link #forget} is called for it. */
  public LatestDecisions() {
    this.horizon = null;
  }

  /**
   * Forgets a UE once its latest decision started more than {@code horizon} before the newest one
   * recorded; checked at most once per horizon of decision time, when a decision is recorded.
   *
   * @param horizon how far behind a UE's latest decision may fall, > 0
   */
  public LatestDecisions(Duration horizon) {
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("horizon must be > 0, was " + horizon);
    }
    this.horizon = horizon;
  }

  /**
   * Records a decision.
   *
   * @param decision the decision
   */
  public void record(DecisionEvent decision) {
    latest.merge(decision.ueId(), decision, (old, neu) -> isOlder(neu, old) ? old : neu);
    if (horizon != null) {
      sweep(decision.decidedAt());
    }
  }

  /** Forgets the UEs decided last before {@code now - horizon}, at most once per horizon. */
  private void sweep(Instant now) {
    Instant due = nextSweep.get();
    if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(horizon))) {
      return;
    }
    Instant cutoff = now.minus(horizon);
    latest.values().removeIf(d -> d.decidedAt().isBefore(cutoff));
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
   * The latest decision of a UE if it is still to be kept: its slot started at most {@code keep}
   * before {@code now} (the orchestrator's and this host's clocks are assumed in sync, as NTP keeps
   * them).
   *
   * @param ueId the UE id
   * @param now the current time
   * @param keep how long a decision is kept, e.g. a number of slots
   * @return the decision, or empty before the first one or once it is older than {@code keep}
   */
  public Optional<DecisionEvent> current(String ueId, Instant now, Duration keep) {
    return of(ueId).filter(d -> !d.decidedAt().plus(keep).isBefore(now));
  }

  /**
   * Forgets a UE.
   *
   * @param ueId the UE id
   */
  public void forget(String ueId) {
    latest.remove(ueId);
  }

  private static boolean isOlder(DecisionEvent a, DecisionEvent b) {
    int byStart = a.decidedAt().compareTo(b.decidedAt());
    return byStart < 0 || (byStart == 0 && a.slot() < b.slot());
  }
}
