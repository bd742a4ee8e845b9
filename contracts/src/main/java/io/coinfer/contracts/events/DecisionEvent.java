package io.coinfer.contracts.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;

/**
 * One UE's decision for one slot on {@code coinfer.decisions} (key: UE id). The orchestrator
 * decides for every UE every slot, but publishes a decision only when it differs from the UE's last
 * published one (point, sub-channel, power, policy, source or corrections), or as a heartbeat every
 * {@code coinfer.orchestrator.slot.heartbeat-slots} slots; a UE's decision holds until the next
 * one, and a consumer that sees none for its keep window treats the last as stale.
 *
 * @param schemaVersion {@link Event#SCHEMA_VERSION}
 * @param ueId the UE id
 * @param slot the slot number: the slot's start since the Unix epoch divided by the slot length, so
 *     numbers keep growing across orchestrator restarts
 * @param point the partition point, 0 (send the raw image) to 5 (all on the UE)
 * @param subChannel the uplink sub-channel, from 0
 * @param powerW the transmit power, watts, in (0, pmax]
 * @param policyId the id of the policy that decided, e.g. {@code local} or {@code mahppo}
 * @param policyVersion the version of that policy (a checkpoint id, or {@code builtin})
 * @param source why this policy decided
 * @param decidedAt when the slot's decision step ended
 * @param corrections the rules the active policy's action for this UE broke, in the order checked:
 *     empty for a valid action; a power above pmax was clamped ({@link
 *     DecisionSource#POLICY_CLAMPED}), any other broken rule made the fallback decide ({@link
 *     DecisionSource#FALLBACK_INVALID_ACTION}). An optional field of schema version 1: absent in
 *     the JSON reads as empty
 */
public record DecisionEvent(
    int schemaVersion,
    @NotBlank String ueId,
    @PositiveOrZero long slot,
    @PositiveOrZero @Max(5) int point,
    @PositiveOrZero int subChannel,
    @Positive double powerW,
    @NotBlank String policyId,
    @NotBlank String policyVersion,
    @NotNull DecisionSource source,
    @NotNull Instant decidedAt,
    List<DecisionCorrection> corrections)
    implements Event {

  /** Copies the corrections; absent (null) means none. */
  public DecisionEvent {
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
  }

  /**
   * A decision of a valid action (no corrections).
   *
   * @param schemaVersion {@link Event#SCHEMA_VERSION}
   * @param ueId the UE id
   * @param slot the slot number
   * @param point the partition point, 0 to 5
   * @param subChannel the uplink sub-channel, from 0
   * @param powerW the transmit power, watts, in (0, pmax]
   * @param policyId the id of the policy that decided
   * @param policyVersion the version of that policy
   * @param source why this policy decided
   * @param decidedAt when the slot's decision step ended
   */
  public DecisionEvent(
      int schemaVersion,
      String ueId,
      long slot,
      int point,
      int subChannel,
      double powerW,
      String policyId,
      String policyVersion,
      DecisionSource source,
      Instant decidedAt) {
    this(
        schemaVersion,
        ueId,
        slot,
        point,
        subChannel,
        powerW,
        policyId,
        policyVersion,
        source,
        decidedAt,
        List.of());
  }
}
