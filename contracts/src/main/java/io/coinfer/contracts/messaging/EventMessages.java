package io.coinfer.contracts.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Builds the messages the services send, so that every record is keyed by its entity and carries
 * the job id in a header that survives a payload nobody can parse (the dead-letter path uses it to
 * fail the right job).
 */
public final class EventMessages {

  /** The Kafka record key header of spring-kafka ({@code KafkaHeaders.KEY}). */
  public static final String KEY_HEADER = "kafka_messageKey";

  /** The header that carries the job id as UTF-8 bytes. */
  public static final String JOB_ID_HEADER = "coinfer_job_id";

  private EventMessages() {}

  /**
   * A JSON message with a Kafka key.
   *
   * @param key the record key (UE id or job id)
   * @param json the JSON payload
   * @param jobId the job id to put in {@link #JOB_ID_HEADER}, or null for events of no job
   * @return the message
   */
  public static Message<byte[]> keyed(String key, byte[] json, String jobId) {
    MessageBuilder<byte[]> builder =
        MessageBuilder.withPayload(json)
            .setHeader(KEY_HEADER, key.getBytes(StandardCharsets.UTF_8))
            .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE);
    if (jobId != null) {
      builder.setHeader(JOB_ID_HEADER, jobId.getBytes(StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  /**
   * The job id header of a received message.
   *
   * @param message the message
   * @return the job id, or null if the header is missing
   */
  public static String jobId(Message<?> message) {
    return text(message.getHeaders().get(JOB_ID_HEADER));
  }

  /**
   * The record key of a received message (spring-kafka puts it in {@code
   * kafka_receivedMessageKey}).
   *
   * @param message the message
   * @return the key as text, or null if absent
   */
  public static String receivedKey(Message<?> message) {
    return text(message.getHeaders().get("kafka_receivedMessageKey"));
  }

  private static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value == null ? null : value.toString();
  }
}
