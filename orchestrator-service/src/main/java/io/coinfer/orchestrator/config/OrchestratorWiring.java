package io.coinfer.orchestrator.config;

import io.coinfer.contracts.events.UeStateEvent;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.contracts.messaging.EventMessages;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.contracts.messaging.InvalidEventException;
import io.coinfer.contracts.messaging.MessagingConfiguration;
import io.coinfer.contracts.security.InternalApiSecurity;
import io.coinfer.mec.profile.Net;
import io.coinfer.orchestrator.slot.UeBook;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

/**
 * The orchestrator's functional consumer {@code ueState}: the compacted topic {@code
 * coinfer.ue-state}, read from the beginning at every start; a tombstone deregisters its UE.
 */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, InternalApiSecurity.class})
class OrchestratorWiring {

  @Bean
  Consumer<Message<byte[]>> ueState(EventJson json, UeBook book) {
    return message -> {
      Object payload = message.getPayload();
      if (EventPublisher.isTombstone(payload)) {
        String ueId = EventMessages.receivedKey(message);
        if (ueId != null) {
          book.remove(ueId);
        }
        return;
      }
      UeStateEvent state = json.read(message.getPayload(), UeStateEvent.class);
      try {
        Net.parse(state.net());
      } catch (IllegalArgumentException e) {
        throw new InvalidEventException(e.getMessage(), e);
      }
      book.report(state, Instant.now());
    };
  }
}
