package io.coinfer.contracts.messaging;

import jakarta.validation.Validator;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The messaging beans every platform service imports: the strict {@link EventJson} codec over the
 * context's Bean Validation validator, and the {@link EventPublisher}.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

  /**
   * The event codec.
   *
   * @param validator the context's validator
   * @return the codec
   */
  @Bean
  public EventJson eventJson(Validator validator) {
    return new EventJson(validator);
  }

  /**
   * The event publisher.
   *
   * @param bridge the stream bridge
   * @param json the event codec
   * @return the publisher
   */
  @Bean
  public EventPublisher eventPublisher(StreamBridge bridge, EventJson json) {
    return new EventPublisher(bridge, json);
  }
}
