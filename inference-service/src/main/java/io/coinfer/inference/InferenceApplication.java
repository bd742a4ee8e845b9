package io.coinfer.inference;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The inference-service application. Its settings come from {@code inference-service.yml}, so that
 * it can run in one JVM beside the other services, each in its own context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InferenceApplication {

  /** The name of this service's configuration file and of its Spring application. */
  public static final String NAME = "inference-service";

  /**
   * A builder for this service's context, reading {@code inference-service.yml}.
   *
   * @return the builder; add properties or profiles and call {@code run}
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(InferenceApplication.class)
        .properties("spring.config.name=" + NAME, "spring.application.name=" + NAME);
  }

  /**
   * Runs the service on its own.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    builder().run(args);
  }
}
