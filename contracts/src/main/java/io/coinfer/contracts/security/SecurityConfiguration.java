package io.coinfer.contracts.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The security beans every platform service imports: its {@link Tokens} over the configured key
 * set, and the {@link JsonBodyLimit} filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

  /**
   * The tokens of the configured key set (a random key when none is configured).
   *
   * @param settings the security settings
   * @return the tokens
   */
  @Bean
  public Tokens tokens(SecuritySettings settings) {
    return new Tokens(SigningKeys.of(settings.keys()), settings.issuer(), Clock.systemUTC());
  }

  /**
   * The JSON body limit, a servlet filter on every path.
   *
   * @param settings the security settings
   * @return the filter
   */
  @Bean
  public JsonBodyLimit jsonBodyLimit(SecuritySettings settings) {
    return new JsonBodyLimit(settings.maxJsonBody().toBytes());
  }
}
