package io.coinfer.gateway.config;

import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.contracts.messaging.MessagingConfiguration;
import io.coinfer.contracts.security.SecurityConfiguration;
import io.coinfer.gateway.job.JobService;
import io.coinfer.gateway.ue.UeRegistry;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

/**
 * The gateway's functional consumers: {@code results} completes jobs from {@code coinfer.results},
 * {@code decisions} keeps every UE's latest decision from {@code coinfer.decisions}; the platform's
 * tokens and JSON body limit.
 */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, SecurityConfiguration.class})
class GatewayWiring {

  @Bean
  Consumer<Message<byte[]>> results(EventJson json, JobService jobs) {
    return message -> jobs.onResult(json.read(message.getPayload(), ResultEvent.class));
  }

  @Bean
  Consumer<Message<byte[]>> decisions(EventJson json, UeRegistry ues) {
    return message -> ues.onDecision(json.read(message.getPayload(), DecisionEvent.class));
  }
}
