package io.coinfer.inference.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InferenceSettingsTest {

  private static InferenceSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("coinfer.inference", InferenceSettings.class);
  }

  @Test
  void shouldNotHoldALoneFeatureForMoreByDefault() {
    InferenceSettings settings = bind(Map.of());

    assertThat(settings.batching().maxWait()).isEqualTo(Duration.ZERO);
    assertThat(settings.batching().maxBatchSize()).isEqualTo(8);
    assertThat(settings.batching().queueCapacity()).isEqualTo(1024);
  }

  @Test
  void shouldTakeAConfiguredBatchingWait() {
    InferenceSettings settings = bind(Map.of("coinfer.inference.batching.max-wait", "2ms"));

    assertThat(settings.batching().maxWait()).isEqualTo(Duration.ofMillis(2));
  }
}
