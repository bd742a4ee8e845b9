package io.coinfer.cli.up;

import io.coinfer.compression.CompressionApplication;
import io.coinfer.contracts.security.SigningKeys;
import io.coinfer.contracts.security.Tokens;
import io.coinfer.gateway.GatewayApplication;
import io.coinfer.inference.InferenceApplication;
import io.coinfer.orchestrator.OrchestratorApplication;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four platform services in this JVM, each in its own Spring application context with its own
 * ports on 127.0.0.1, all on one Kafka broker and one signing key set, drawn at random for the run
 * ({@link #tokens()} issues tokens they accept). They start at the same time (they meet only on
 * Kafka topics, created on first use) and are closed gateway first. Spring's logging system is left
 * alone, so the CLI's {@code logback.xml} applies to all of them.
 */
public final class Platform implements AutoCloseable {

  private final List<ConfigurableApplicationContext> contexts;
  private final Tokens tokens;

  private Platform(List<ConfigurableApplicationContext> contexts, Tokens tokens) {
    this.contexts = contexts;
    this.tokens = tokens;
  }

  /**
   * Tokens the four services accept (this run's key set, issuer {@code coinfer}).
   *
   * @return the tokens
   */
  public Tokens tokens() {
    return tokens;
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
   * @param beta the energy weight its policies start with: latency (s) + beta x energy (J) per task
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
      double beta,
      Duration slot,
      long seed) {

    /** The paper's energy weight, the orchestrator's default. */
    public static final double PAPER_BETA = 1.0;
  }

  /**
   * Starts the four services at once, each on its own thread, and waits for all of them.
   *
   * @param config ports, broker, model and policy
   * @param progress told the name of each service and its start time once it is up
   * @return the running platform
   * @throws IllegalStateException when a service does not start (the others are closed)
   */
  public static Platform start(Config config, Consumer<String> progress) {
    Ports p = config.ports();
    SigningKeys keys = SigningKeys.of(List.of());
    String inference = "--coinfer.inference.models.";
    String compression = "--coinfer.compression.models.";
    Map<String, Supplier<ConfigurableApplicationContext>> services = new LinkedHashMap<>();
    services.put(
        "inference-service",
        () ->
            run(
                InferenceApplication.builder(),
                config,
                keys,
                p.inference(),
                inference + "home=" + config.modelHome(),
                inference + "by-net." + config.net() + "=" + config.modelId()));
    services.put(
        "compression-service",
        () ->
            run(
                CompressionApplication.builder(),
                config,
                keys,
                p.compression(),
                compression + "home=" + config.modelHome(),
                compression + "by-net." + config.net() + "=" + config.modelId(),
                "--coinfer.compression.decisions.slot-length=" + config.slot().toMillis() + "ms"));
    services.put(
        "orchestrator-service",
        () ->
            run(
                OrchestratorApplication.builder(),
                config,
                keys,
                p.orchestrator(),
                "--coinfer.orchestrator.slot.length=" + config.slot().toMillis() + "ms",
                "--coinfer.orchestrator.policy.active=" + config.policy(),
                "--coinfer.orchestrator.policy.beta=" + config.beta(),
                "--coinfer.orchestrator.policy.seed=" + config.seed()));
    services.put("ue-gateway", () -> run(GatewayApplication.builder(), config, keys, p.gateway()));

    // one logging configuration (the CLI's logback.xml) for all four, not one re-initialised per
    // context while the others start
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger(); // Tomcat logs through JUL
      SLF4JBridgeHandler.install();
    }
    long t0 = System.nanoTime();
    ExecutorService starters = Executors.newFixedThreadPool(services.size());
    List<Future<ConfigurableApplicationContext>> pending = new ArrayList<>();
    services.forEach(
        (name, start) ->
            pending.add(
                starters.submit(
                    () -> {
                      ConfigurableApplicationContext context = start.get();
                      progress.accept(
                          String.format(
                              Locale.ROOT, "%s (%.1f s)", name, (System.nanoTime() - t0) / 1e9));
                      return context;
                    })));
    starters.shutdown();
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<ConfigurableApplicationContext> f : pending) {
      try {
        started.add(f.get());
      } catch (ExecutionException e) {
        failure =
            failure == null
                ? new IllegalStateException(
                    "a service did not start: " + e.getCause().getMessage(), e.getCause())
                : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("interrupted while starting the services", e);
      }
    }
    Platform platform = new Platform(started, new Tokens(keys, "coinfer", Clock.systemUTC()));
    if (failure != null) {
      platform.close();
      throw failure;
    }
    return platform;
  }

  private static ConfigurableApplicationContext run(
      SpringApplicationBuilder builder,
      Config config,
      SigningKeys keys,
      int port,
      String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--server.address=127.0.0.1");
    args.add("--management.server.port=" + Ports.management(port));
    args.add("--management.server.address=127.0.0.1");
    args.add("--coinfer.kafka.bootstrap-servers=" + config.bootstrapServers());
    args.add("--coinfer.security.keys=" + keys.toSetting());
    // coinfer up closes the services itself, after the fleet's last job
    args.add("--spring.main.register-shutdown-hook=false");
    args.add("--spring.jmx.enabled=false");
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
