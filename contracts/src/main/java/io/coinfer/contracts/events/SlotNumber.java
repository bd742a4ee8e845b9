package io.coinfer.contracts.events;

import java.time.Duration;
import java.time.Instant;

/**
 * Slot numbers as the platform counts them: the slot's start since the Unix epoch divided by the
 * slot length. They come from the wall clock, not from a counter, so a restarted orchestrator goes
 * on with numbers above those of its previous run, and every service that knows the slot length
 * computes the same number for the same instant.
 */
public final class SlotNumber {

  private SlotNumber() {}

  /**
   * The number of the slot that contains an instant.
   *
   * @param at the instant
   * @param slotLength the slot length (&gt; 0)
   * @return {@code floor((at - epoch) / slotLength)}
   */
  public static long at(Instant at, Duration slotLength) {
    long nanos =
        Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    return Math.floorDiv(nanos, slotLength.toNanos());
  }
}
