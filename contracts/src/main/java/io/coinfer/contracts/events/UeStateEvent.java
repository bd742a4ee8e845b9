package io.coinfer.contracts.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * The latest state of one UE on the compacted topic {@code coinfer.ue-state} (key: UE id). The
 * gateway writes it at registration and at every state report; a tombstone deregisters the UE.
 *
 * @param schemaVersion {@link Event#SCHEMA_VERSION}
 * @param ueId the UE id
 * @param net the DNN the UE runs, e.g. {@code resnet18}
 * @param deviceProfile the name of the UE's device profile, e.g. {@code jetson-nano}
 * @param distanceM distance to the edge server, metres (&gt; 0)
 * @param pmaxW maximum transmit power, watts (&gt; 0)
 * @param tasksQueued tasks waiting on the UE, including the one in flight (&ge; 0)
 * @param sequence the report's sequence number for this UE, increasing from 0 at registration
 * @param reportedAt when the gateway accepted the report
 */
public record UeStateEvent(
    int schemaVersion,
    @NotBlank String ueId,
    @NotBlank String net,
    @NotBlank String deviceProfile,
    @Positive double distanceM,
    @Positive double pmaxW,
    @PositiveOrZero int tasksQueued,
    @PositiveOrZero long sequence,
    @NotNull Instant reportedAt)
    implements Event {}
