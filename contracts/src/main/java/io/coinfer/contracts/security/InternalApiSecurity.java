package io.coinfer.contracts.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the services behind the gateway import: {@link SecurityConfiguration} and the {@link
 * InternalApiGuard} on {@code /api/**} (the API docs, {@code /v3/api-docs} and {@code
 * /swagger-ui.html}, stay readable without a token; they hold no data).
 */
@Configuration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class InternalApiSecurity implements WebMvcConfigurer {

  private final Tokens tokens;

  /**
   * The guard's configuration.
   *
   * @param tokens the platform's tokens
   */
  public InternalApiSecurity(Tokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new InternalApiGuard(tokens)).addPathPatterns("/api/**");
  }
}
