package io.coinfer.contracts.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A job's uplink payload on {@code coinfer.features} (key: UE id): at points 1-4 a quantised
 * feature in splitnn's versioned binary wire format, at point 0 the raw encoded image.
 *
 * @param schemaVersion {@link Event#SCHEMA_VERSION}
 * @param jobId the job id
 * @param ueId the UE id
 * @param net the DNN
 * @param point the partition point, 0 to 4
 * @param contentType {@code application/vnd.coinfer.feature} for a feature, or the image type
 * @param payload the payload bytes
 * @param decision the decision the job ran with
 * @param accounting UE-side time and energy
 * @param submittedAt when the gateway accepted the job
 * @param headS measured wall-clock time compression-service spent on the head and encoder of this
 *     job on the UE's behalf, seconds; 0 at point 0 and when the UE sent the feature itself
 */
public record FeatureEvent(
    int schemaVersion,
    @NotBlank String jobId,
    @NotBlank String ueId,
    @NotBlank String net,
    @PositiveOrZero @Max(4) int point,
    @NotBlank String contentType,
    @NotNull @Size(min = 1) byte[] payload,
    @NotNull @Valid DecisionRef decision,
    @NotNull @Valid UeAccounting accounting,
    @NotNull Instant submittedAt,
    @PositiveOrZero double headS)
    implements Event {

  /**
   * A payload without edge-side head compute (point 0, or a feature the UE computed itself).
   *
   * @param schemaVersion {@link Event#SCHEMA_VERSION}
   * @param jobId the job id
   * @param ueId the UE id
   * @param net the DNN
   * @param point the partition point, 0 to 4
   * @param contentType the payload's content type
   * @param payload the payload bytes
   * @param decision the decision the job ran with
   * @param accounting UE-side time and energy
   * @param submittedAt when the gateway accepted the job
   */
  public FeatureEvent(
      int schemaVersion,
      String jobId,
      String ueId,
      String net,
      int point,
      String contentType,
      byte[] payload,
      DecisionRef decision,
      UeAccounting accounting,
      Instant submittedAt) {
    this(
        schemaVersion,
        jobId,
        ueId,
        net,
        point,
        contentType,
        payload,
        decision,
        accounting,
        submittedAt,
        0);
  }

  /** The content type of a payload in splitnn's feature wire format. */
  public static final String FEATURE_CONTENT_TYPE = "application/vnd.coinfer.feature";
}
