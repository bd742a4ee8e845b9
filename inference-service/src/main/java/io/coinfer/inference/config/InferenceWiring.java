package io.coinfer.inference.config;

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
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

/**
 * The inference-service's functional consumer {@code features}: read, drop duplicates by job id,
 * validate and queue for the tail. A message that cannot be read or a feature that is not valid
 * fails its job with the reason and goes to {@code coinfer.features.dlt.inference}.
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
        batcher.submit(valid);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while queueing job " + feature.jobId(), e);
      }
    };
  }
}
