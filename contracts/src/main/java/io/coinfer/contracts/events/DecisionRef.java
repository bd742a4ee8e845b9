package io.coinfer.contracts.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The decision a job was run with, as carried on features and results.
 *
 * @param slot the slot of the decision
 * @param point the partition point, 0 to 5
 * @param subChannel the uplink sub-channel, from 0
 * @param powerW the transmit power, watts
 * @param policyId the policy that decided
 * @param policyVersion its version
 * @param source why that policy decided
 */
public record DecisionRef(
    @PositiveOrZero long slot,
    @PositiveOrZero @Max(5) int point,
    @PositiveOrZero int subChannel,
    @PositiveOrZero double powerW,
    @NotBlank String policyId,
    @NotBlank String policyVersion,
    @NotNull DecisionSource source) {

  /**
   * The reference to a slot decision.
   *
   * @param decision the decision event
   * @return its reference
   */
  public static DecisionRef of(DecisionEvent decision) {
    return new DecisionRef(
        decision.slot(),
        decision.point(),
        decision.subChannel(),
        decision.powerW(),
        decision.policyId(),
        decision.policyVersion(),
        decision.source());
  }
}
