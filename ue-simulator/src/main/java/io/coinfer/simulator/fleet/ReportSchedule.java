package io.coinfer.simulator.fleet;

import io.coinfer.contracts.api.StateReport;
import java.time.Duration;

/**
 * When one UE reports its state: at a slot where its state differs from the last state the gateway
 * took, or where that state is a heartbeat old (so that the orchestrator, which decides with the
 * fallback policy for a UE whose last report is older than its {@code stale-after}, keeps seeing
 * the UE as fresh). A UE that stands still and has nothing to do reports once per heartbeat. Times
 * are {@link System#nanoTime()} values. Not thread-safe: the UE guards it.
 */
final class ReportSchedule {

  private final long heartbeatNanos;
  private StateReport last;
  private long lastAtNanos;

  /**
   * A schedule that starts from the state the UE registered with.
   *
   * @param heartbeat the longest time between two reports
   * @param registered the state the registration published (no task queued, the UE's distance)
   * @param registeredAtNanos when that state counts as reported; an earlier time brings the first
   *     heartbeat forward, which spreads a fleet's heartbeats over the heartbeat period
   */
  ReportSchedule(Duration heartbeat, StateReport registered, long registeredAtNanos) {
    this.heartbeatNanos = heartbeat.toNanos();
    this.last = registered;
    this.lastAtNanos = registeredAtNanos;
  }

  /**
   * Whether a report is due now.
   *
   * @param state the UE's state now
   * @param nowNanos the time now
   * @return true when the state changed since the last report taken, or that report is a heartbeat
   *     old
   */
  boolean due(StateReport state, long nowNanos) {
    return !state.equals(last) || nowNanos - lastAtNanos >= heartbeatNanos;
  }

  /**
   * Records a report the gateway took (a report that failed changes nothing, so it is due again at
   * the next slot).
   *
   * @param state the state reported
   * @param sentAtNanos when the report was sent
   */
  void taken(StateReport state, long sentAtNanos) {
    last = state;
    lastAtNanos = sentAtNanos;
  }
}
