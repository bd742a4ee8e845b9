package io.coinfer.contracts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A request to switch the active policy, and optionally the energy weight it schedules for, without
 * a restart.
 *
 * @param spec the policy spec of mec-core's scheduler registry, e.g. {@code local}, {@code
 *     fixed:3:0.5} or {@code mahppo:<checkpoint>}
 * @param beta the energy weight of the objective the policies schedule for, latency (s) + beta x
 *     energy (J) per task, at least 0 (0: latency alone); absent keeps the current one
 */
public record PolicyRequest(@NotBlank String spec, @PositiveOrZero Double beta) {}
