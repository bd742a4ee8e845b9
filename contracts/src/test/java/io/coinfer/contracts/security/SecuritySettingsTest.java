package io.coinfer.contracts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SecuritySettingsTest {

  @Test
  void shouldBindAKeySetFromTheEnvironmentVariableActiveKeyFirst() {
    // Given COINFER_SECURITY_KEYS as compose and the chart pass it: two entries, comma separated
    String newer = SigningKeys.newEntry("2026-11");
    String older = SigningKeys.newEntry("2026-10");
    MutablePropertySources sources = new StandardEnvironment().getPropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            "env", Map.of("COINFER_SECURITY_KEYS", newer + "," + older)));

    // When the settings are bound as Spring binds them
    SecuritySettings settings =
        new Binder(ConfigurationPropertySources.from(sources))
            .bindOrCreate("coinfer.security", SecuritySettings.class);

    // Then the set has both keys, the first one signing; and the defaults hold
    assertThat(SigningKeys.of(settings.keys()).kids()).containsExactly("2026-11", "2026-10");
    assertThat(settings.issuer()).isEqualTo("coinfer");
    assertThat(settings.maxJsonBody().toKilobytes()).isEqualTo(64);
  }

  @Test
  void shouldDefaultToNoKeysSoThatEachServiceDrawsARandomOne() {
    SecuritySettings settings =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("coinfer.security", SecuritySettings.class);
    assertThat(settings.keys()).isEmpty();
  }
}
