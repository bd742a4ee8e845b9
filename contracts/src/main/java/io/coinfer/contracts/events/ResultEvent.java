package io.coinfer.contracts.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;

/**
 * The terminal result of a job on {@code coinfer.results} (key: job id).
 *
 * @param schemaVersion {@link Event#SCHEMA_VERSION}
 * @param jobId the job id
 * @param ueId the UE id
 * @param net the DNN
 * @param status {@link JobStatus#DONE} or {@link JobStatus#FAILED}
 * @param top5 the top-5 classes, best first (empty when failed)
 * @param decision the decision the job ran with (null when it failed before one was applied)
 * @param accounting UE-side time and energy (null when unknown)
 * @param edge edge queue wait and tail time
 * @param modelLatencyS latency of the job in the system model: UE compute + transmit, seconds
 * @param endToEndS wall-clock time from submission to this result, seconds
 * @param reason why it failed (null when done)
 * @param detail a human-readable detail of the failure (null when done)
 * @param completedAt when the result was produced
 */
public record ResultEvent(
    int schemaVersion,
    @NotBlank String jobId,
    @NotBlank String ueId,
    String net,
    @NotNull JobStatus status,
    @NotNull List<@Valid ClassScore> top5,
    @Valid DecisionRef decision,
    @Valid UeAccounting accounting,
    @NotNull @Valid EdgeTiming edge,
    @PositiveOrZero double modelLatencyS,
    @PositiveOrZero double endToEndS,
    FailureReason reason,
    String detail,
    @NotNull Instant completedAt)
    implements Event {

  /**
   * A failed result.
   *
   * @param jobId the job id
   * @param ueId the UE id (or {@code unknown})
   * @param net the net, if known
   * @param decision the decision, if one was applied
   * @param reason why it failed
   * @param detail what exactly was wrong
   * @param submittedAt when the job was submitted, if known (for the end-to-end time)
   * @return the failed result, completed now
   */
  public static ResultEvent failed(
      String jobId,
      String ueId,
      String net,
      DecisionRef decision,
      FailureReason reason,
      String detail,
      Instant submittedAt) {
    Instant now = Instant.now();
    double e2e = submittedAt == null ? 0 : Math.max(0, seconds(submittedAt, now));
    return new ResultEvent(
        SCHEMA_VERSION,
        jobId,
        ueId,
        net,
        JobStatus.FAILED,
        List.of(),
        decision,
        null,
        EdgeTiming.NONE,
        0,
        e2e,
        reason,
        detail,
        now);
  }

  /**
   * Seconds between two instants.
   *
   * @param from the start
   * @param to the end
   * @return {@code to - from}, seconds, with nanosecond resolution
   */
  public static double seconds(Instant from, Instant to) {
    return java.time.Duration.between(from, to).toNanos() / 1e9;
  }
}
