package io.coinfer.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ue-gateway application. Its settings come from {@code ue-gateway.yml} (not {@code
 * application.yml}), so that it can run in one JVM beside the other services, each in its own
 * context: {@code GatewayApplication.builder().run(args)}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  /** The name of this service's configuration file and of its Spring application. */
  public static final String NAME = "ue-gateway";

  /**
   * A builder for this service's context, reading {@code ue-gateway.yml}.
   *
   * @return the builder; add properties or profiles and call {@code run}
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(GatewayApplication.class)
        .properties("spring.config.name=" + NAME, "spring.application.name=" + NAME);
  }

  /**
   * Runs the gateway on its own.
   *
   * @param args Spring Boot arguments, e.g. {@code --server.port=8080}
   */
  public static void main(String[] args) {
    builder().run(args);
  }
}
