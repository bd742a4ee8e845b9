package io.coinfer.contracts.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A raw-image job on {@code coinfer.jobs} (key: UE id), with the UE's registration facts at
 * submission time so that compression-service can account for it without another lookup.
 *
 * @param schemaVersion {@link Event#SCHEMA_VERSION}
 * @param jobId the job id (unique; consumers drop a job id they have already seen)
 * @param ueId the UE id
 * @param net the DNN the UE runs
 * @param deviceProfile the name of the UE's device profile
 * @param distanceM distance to the edge server, metres
 * @param pmaxW maximum transmit power, watts
 * @param contentType the image's media type, e.g. {@code image/png}
 * @param image the encoded image bytes
 * @param submittedAt when the gateway accepted the job
 * @param decision the UE's latest decision the gateway held when it accepted the job, or null
 *     before its first; compression-service runs the job under the newer of this one and the one it
 *     read from {@code coinfer.decisions} itself, so a job that overtakes the decision on its way
 *     there still runs under it
 */
public record JobEvent(
    int schemaVersion,
    @NotBlank String jobId,
    @NotBlank String ueId,
    @NotBlank String net,
    @NotBlank String deviceProfile,
    @Positive double distanceM,
    @Positive double pmaxW,
    @NotBlank String contentType,
    @NotNull @Size(min = 1) byte[] image,
    @NotNull Instant submittedAt,
    @Valid DecisionEvent decision)
    implements Event {}
