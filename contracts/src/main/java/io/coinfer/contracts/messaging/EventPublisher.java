package io.coinfer.contracts.messaging;

import io.coinfer.contracts.events.Event;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes events to output bindings as keyed JSON messages. Whether a send waits for the broker's
 * acknowledgement is the binding's {@code producer.sync} setting.
 */
public final class EventPublisher {

  private final StreamBridge bridge;
  private final EventJson json;

  /**
   * A publisher over the service's stream bridge.
   *
   * @param bridge the stream bridge
   * @param json the event codec
   */
  public EventPublisher(StreamBridge bridge, EventJson json) {
    this.bridge = bridge;
    this.json = json;
  }

  /**
   * Publishes one event.
   *
   * @param binding the output binding, e.g. {@code jobs-out-0}
   * @param key the record key (UE id or job id)
   * @param event the event
   * @param jobId the job the event belongs to, or null
   * @throws IllegalStateException if the binder refused the message
   */
  public void publish(String binding, String key, Event event, String jobId) {
    if (!bridge.send(binding, EventMessages.keyed(key, json.write(event), jobId))) {
      throw new IllegalStateException("the binder refused a message for " + binding);
    }
  }

  /**
   * Publishes a tombstone (a null value) for a key of a compacted topic.
   *
   * @param binding the output binding
   * @param key the key to delete
   */
  public void tombstone(String binding, String key) {
    boolean sent =
        bridge.send(
            binding,
            MessageBuilder.withPayload(KafkaNull.INSTANCE)
                .setHeader(EventMessages.KEY_HEADER, key.getBytes(StandardCharsets.UTF_8))
                .build());
    if (!sent) {
      throw new IllegalStateException("the binder refused a tombstone for " + binding);
    }
  }

  /**
   * Whether a received payload is a tombstone.
   *
   * @param payload the payload of a received message
   * @return true for a null record value
   */
  public static boolean isTombstone(Object payload) {
    return payload instanceof KafkaNull;
  }
}
