package io.coinfer.contracts.api;

import jakarta.validation.constraints.NotBlank;

/**
 * A request to switch the active policy without a restart.
 *
 * @param spec the policy spec of mec-core's scheduler registry, e.g. {@code local}, {@code
 *     fixed:3:0.5} or {@code mahppo:<checkpoint>}
 */
public record PolicyRequest(@NotBlank String spec) {}
