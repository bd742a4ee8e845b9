package io.coinfer.cli.up;

import io.coinfer.compression.CompressionApplication;
import io.coinfer.gateway.GatewayApplication;
import io.coinfer.inference.InferenceApplication;
import io.coinfer.orchestrator.OrchestratorApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four platform services in this JVM, each in its own Spring application context with its own
 * ports on 127.0.0.1, all on one Kafka broker. Started edge first (inference, compression, then the
 * orchestrator, then the gateway), so that the gateway answers only when the rest is up; closed in
 * the reverse order.
 */
public final class Platform implements AutoCloseable {

  private final List<ConfigurableApplicationContext> contexts;

  private Platform(List<ConfigurableApplicationContext> contexts) {
    this.contexts = contexts;
  }

  /**
   * What the services are started with.
   *
   * @param ports the ports
   * @param bootstrapServers the Kafka broker
   * @param net the DNN served
   * @param modelId the splitnn model of that net, in {@code modelHome}
   * @param modelHome the splitnn model store's folder
   * @param policy the orchestrator's active policy spec
   * @param slot the orchestrator's slot length
   * @param seed the seed of randomised policies
   */
  public record Config(
      Ports ports,
      String bootstrapServers,
      String net,
      String modelId,
      String modelHome,
      String policy,
      Duration slot,
      long seed) {}

  /**
   * Starts the services.
   *
   * @param config ports, broker, model and policy
   * @param progress told the name of each service once it is up
   * @return the running platform
   * @throws RuntimeException when a service does not start (those already started are closed)
   */
  public static Platform start(Config config, Consumer<String> progress) {
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    Platform platform = new Platform(started);
    try {
      Ports p = config.ports();
      String models = "--coinfer.%s.models.";
      started.add(
          run(
              InferenceApplication.builder(),
              config,
              p.inference(),
              models.formatted("inference") + "home=" + config.modelHome(),
              models.formatted("inference") + "by-net." + config.net() + "=" + config.modelId()));
      progress.accept("inference-service");
      started.add(
          run(
              CompressionApplication.builder(),
              config,
              p.compression(),
              models.formatted("compression") + "home=" + config.modelHome(),
              models.formatted("compression") + "by-net." + config.net() + "=" + config.modelId()));
      progress.accept("compression-service");
      started.add(
          run(
              OrchestratorApplication.builder(),
              config,
              p.orchestrator(),
              "--coinfer.orchestrator.slot.length=" + config.slot().toMillis() + "ms",
              "--coinfer.orchestrator.policy.active=" + config.policy(),
              "--coinfer.orchestrator.policy.seed=" + config.seed()));
      progress.accept("orchestrator-service");
      started.add(run(GatewayApplication.builder(), config, p.gateway()));
      progress.accept("ue-gateway");
      return platform;
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
  }

  private static ConfigurableApplicationContext run(
      SpringApplicationBuilder builder, Config config, int port, String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--server.address=127.0.0.1");
    args.add("--management.server.port=" + Ports.management(port));
    args.add("--management.server.address=127.0.0.1");
    args.add("--coinfer.kafka.bootstrap-servers=" + config.bootstrapServers());
    // coinfer up closes the services itself, after the fleet's last job
    args.add("--spring.main.register-shutdown-hook=false");
    args.addAll(List.of(extra));
    return builder
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .registerShutdownHook(false)
        .run(args.toArray(String[]::new));
  }

  /** Closes the services, gateway first. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = contexts.size() - 1; i >= 0; i--) {
      try {
        contexts.get(i).close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    contexts.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
