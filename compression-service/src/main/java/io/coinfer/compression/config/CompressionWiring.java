package io.coinfer.compression.config;

import io.coinfer.compression.job.JobProcessor;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.JobEvent;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.contracts.messaging.JobFailures;
import io.coinfer.contracts.messaging.LatestDecisions;
import io.coinfer.contracts.messaging.MessagingConfiguration;
import io.coinfer.contracts.messaging.RecentIds;
import io.coinfer.contracts.security.InternalApiSecurity;
import io.coinfer.contracts.splitnn.SplitModels;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

/**
 * The compression-service's functional consumers: {@code decisions} keeps every UE's latest
 * decision, {@code jobs} processes raw-image jobs (a message that cannot be read fails its job and
 * goes to {@code coinfer.jobs.dlt.compression}).
 */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, InternalApiSecurity.class})
class CompressionWiring {

  @Bean(destroyMethod = "close")
  SplitModels splitModels(CompressionSettings settings) {
    return new SplitModels(settings.models().home(), settings.models().byNet());
  }

  @Bean
  LatestDecisions latestDecisions(CompressionSettings settings) {
    // a decision older than the keep window is never used, so its UE may be forgotten
    return new LatestDecisions(settings.decisions().keep());
  }

  @Bean
  RecentIds recentJobIds(CompressionSettings settings) {
    return new RecentIds(settings.dedupWindow());
  }

  @Bean
  JobFailures jobFailures(EventPublisher publisher) {
    return new JobFailures(publisher, JobProcessor.RESULTS_OUT);
  }

  @Bean
  Consumer<Message<byte[]>> decisions(EventJson json, LatestDecisions latest) {
    return message -> latest.record(json.read(message.getPayload(), DecisionEvent.class));
  }

  @Bean
  Consumer<Message<byte[]>> jobs(EventJson json, JobFailures failures, JobProcessor processor) {
    return message -> processor.process(failures.readOrFail(json, message, JobEvent.class));
  }
}
