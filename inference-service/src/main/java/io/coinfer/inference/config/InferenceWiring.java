package io.coinfer.inference.config;

import io.coinfer.contracts.Topics;
import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.FeatureEvent;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.contracts.messaging.JobFailures;
import io.coinfer.contracts.messaging.MessagingConfiguration;
import io.coinfer.contracts.messaging.RecentIds;
import io.coinfer.contracts.security.InternalApiSecurity;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.inference.batch.MicroBatcher;
import io.coinfer.inference.feature.FeatureValidator;
import io.coinfer.inference.feature.RejectedFeatureException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The inference-service's functional consumer {@code features}: read, drop duplicates by job id,
 * validate and queue for the tail. A message that cannot be read or a feature that is not valid
 * fails its job with the reason and goes to {@code coinfer.features.dlt.inference}.
 *
 * <p>Offsets: the features binding acknowledges manually ({@code ack-mode: MANUAL}) and out of
 * order ({@link #featuresAsyncAcks}): a queued feature is acknowledged by the tail batcher once its
 * result is published, a duplicate at once, a rejected one by the dead-letter handler; the
 * container commits an offset only when every record before it is acknowledged. So a crash loses no
 * queued feature; what was queued but not yet answered is consumed again. At a graceful stop {@link
 * FeaturesDrain} pauses the binding and lets the batcher finish first, so that its acknowledgements
 * are committed and nothing is answered twice.
 */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfiguration.class, InternalApiSecurity.class})
class InferenceWiring {

  @Bean(destroyMethod = "close")
  SplitModels splitModels(InferenceSettings settings) {
    return new SplitModels(settings.models().home(), settings.models().byNet());
  }

  @Bean
  JobFailures jobFailures(EventPublisher publisher) {
    return new JobFailures(publisher, MicroBatcher.RESULTS_OUT);
  }

  /**
   * Out-of-order manual acknowledgement for the features binding: the container defers a commit
   * until the records before it are acknowledged too, and pauses the partitions of a poll until all
   * of that poll's records are.
   */
  @Bean
  ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> featuresAsyncAcks() {
    return (container, destination, group) -> {
      if (Topics.FEATURES.equals(destination)) {
        container.getContainerProperties().setAsyncAcks(true);
      }
    };
  }

  @Bean
  FeaturesDrain featuresDrain(
      BindingsLifecycleController bindings,
      MicroBatcher batcher,
      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
    return new FeaturesDrain(bindings, batcher, timeout);
  }

  @Bean
  Consumer<Message<byte[]>> features(
      EventJson json,
      JobFailures failures,
      FeatureValidator validator,
      MicroBatcher batcher,
      InferenceSettings settings,
      MeterRegistry meters) {
    RecentIds seen = new RecentIds(settings.dedupWindow());
    // Registered at zero so that dashboards show 0 rather than no data before the first one.
    Counter duplicates = meters.counter("coinfer.duplicates.dropped", "consumer", "inference");
    Map<FailureReason, Counter> rejected = new EnumMap<>(FailureReason.class);
    for (FailureReason reason : FailureReason.values()) {
      rejected.put(reason, meters.counter("coinfer.features.rejected", "reason", reason.name()));
    }
    return message -> {
      FeatureEvent feature = failures.readOrFail(json, message, FeatureEvent.class);
      if (!seen.firstTime(feature.jobId())) {
        duplicates.increment();
        acknowledgement(message).run();
        return;
      }
      FeatureValidator.ValidFeature valid;
      try {
        valid = validator.validate(feature);
      } catch (RejectedFeatureException e) {
        rejected.get(e.reason()).increment();
        failures.fail(
            feature.jobId(),
            feature.ueId(),
            feature.net(),
            feature.decision(),
            e.reason(),
            e.getMessage(),
            feature.submittedAt());
        throw e;
      }
      try {
        batcher.submit(valid, acknowledgement(message));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while queueing job " + feature.jobId(), e);
      }
    };
  }

  /**
   * The manual acknowledgement of a received record, or nothing to do when the binding's container
   * commits by itself (no {@code ack-mode: MANUAL}).
   */
  private static Runnable acknowledgement(Message<?> message) {
    Acknowledgment ack =
        message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
    return ack == null ? () -> {} : ack::acknowledge;
  }
}
