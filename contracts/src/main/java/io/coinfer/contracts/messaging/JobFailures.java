package io.coinfer.contracts.messaging;

import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.ResultEvent;
import java.time.Instant;
import org.springframework.messaging.Message;

/**
 * Gives a job its failed result on {@code coinfer.results}, also when its message cannot be read:
 * the job id then comes from the {@link EventMessages#JOB_ID_HEADER} header. The caller rethrows,
 * and the binder puts the message on its dead-letter topic; so a poison message ends its job and
 * never blocks its partition.
 */
public final class JobFailures {

  private final EventPublisher publisher;
  private final String resultsBinding;

  /**
   * Failures published through one output binding.
   *
   * @param publisher the publisher
   * @param resultsBinding the service's output binding to {@code coinfer.results}
   */
  public JobFailures(EventPublisher publisher, String resultsBinding) {
    this.publisher = publisher;
    this.resultsBinding = resultsBinding;
  }

  /**
   * Publishes a failed result (key: job id).
   *
   * @param jobId the job id
   * @param ueId the UE id, or null if unknown
   * @param net the net, or null
   * @param decision the decision applied, or null
   * @param reason why the job failed
   * @param detail what exactly was wrong
   * @param submittedAt when the job was submitted, or null
   */
  public void fail(
      String jobId,
      String ueId,
      String net,
      DecisionRef decision,
      FailureReason reason,
      String detail,
      Instant submittedAt) {
    ResultEvent failed =
        ResultEvent.failed(
            jobId, ueId == null ? "unknown" : ueId, net, decision, reason, detail, submittedAt);
    publisher.publish(resultsBinding, jobId, failed, jobId);
  }

  /**
   * Reads an event; if it cannot be read, fails its job (when the job id header names one) with
   * {@link FailureReason#MALFORMED_EVENT} and rethrows.
   *
   * @param json the codec
   * @param message the received message
   * @param type the event type
   * @param <T> the event type
   * @return the event
   * @throws InvalidEventException after failing the job
   */
  public <T extends Event> T readOrFail(EventJson json, Message<byte[]> message, Class<T> type) {
    try {
      return json.read(message.getPayload(), type);
    } catch (InvalidEventException e) {
      String jobId = EventMessages.jobId(message);
      if (jobId != null) {
        fail(
            jobId,
            EventMessages.receivedKey(message),
            null,
            null,
            FailureReason.MALFORMED_EVENT,
            e.getMessage(),
            null);
      }
      throw e;
    }
  }
}
