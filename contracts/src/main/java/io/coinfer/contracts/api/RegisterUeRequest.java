package io.coinfer.contracts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * A request to register a UE.
 *
 * @param net the DNN the UE runs, e.g. {@code resnet18}
 * @param deviceProfile the name of its device profile, e.g. {@code jetson-nano}
 * @param distanceM distance to the edge server, metres (&gt; 0)
 * @param pmaxW maximum transmit power, watts (&gt; 0)
 */
public record RegisterUeRequest(
    @NotBlank String net,
    @NotBlank String deviceProfile,
    @Positive double distanceM,
    @Positive double pmaxW) {}
