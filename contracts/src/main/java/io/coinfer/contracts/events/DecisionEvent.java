package io.coinfer.contracts.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * One UE's decision for one slot on {@code coinfer.decisions} (key: UE id).
 *
 * @param schemaVersion {@link Event#SCHEMA_VERSION}
 * @param ueId the UE id
 * @param slot the slot number, counted from 0 at the orchestrator's start
 * @param point the partition point, 0 (send the raw image) to 5 (all on the UE)
 * @param subChannel the uplink sub-channel, from 0
 * @param powerW the transmit power, watts, in (0, pmax]
 * @param policyId the id of the policy that decided, e.g. {@code local} or {@code mahppo}
 * @param policyVersion the version of that policy (a checkpoint id, or {@code builtin})
 * @param source why this policy decided
 * @param decidedAt when the slot's decision step ended
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
    @NotNull Instant decidedAt)
    implements Event {}
