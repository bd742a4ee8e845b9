package io.coinfer.gateway.e2e;

import io.coinfer.compression.CompressionApplication;
import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.SigningKeys;
import io.coinfer.contracts.security.Tokens;
import io.coinfer.gateway.GatewayApplication;
import io.coinfer.inference.InferenceApplication;
import io.coinfer.orchestrator.OrchestratorApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services, each in its own application context, on one Kafka broker (in-JVM KRaft or a
 * container), bound to 127.0.0.1 on free ports; and a small HTTP client for their APIs.
 */
final class Platform implements AutoCloseable {

  final KafkaBroker broker;
  final ConfigurableApplicationContext inference;
  final ConfigurableApplicationContext compression;
  final ConfigurableApplicationContext orchestrator;
  final ConfigurableApplicationContext gateway;
  final JsonMapper json = JsonMapper.builder().build();

  /** One signing key set for the four services, as {@code coinfer up} gives them. */
  private final SigningKeys keys = SigningKeys.of(List.of(SigningKeys.newEntry("e2e")));

  /** Tokens of the platform's keys and issuer. */
  final Tokens tokens = new Tokens(keys, "coinfer", Clock.systemUTC());

  /** An operator's admin token, for the internal services' APIs and the admin operations. */
  final String adminToken = tokens.issue("e2e-operator", Role.ADMIN, Duration.ofHours(2));

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  /** Starts the four services on the broker, and closes the broker with them. */
  Platform(KafkaBroker broker, Path modelDir, Path storeHome, String... orchestratorArgs) {
    this.broker = broker;
    try {
      inference =
          start(
              InferenceApplication.builder(),
              "--coinfer.inference.models.by-net.resnet18=" + modelDir,
              "--coinfer.inference.models.home=" + storeHome,
              "--coinfer.inference.batching.max-wait=50ms");
      compression =
          start(
              CompressionApplication.builder(),
              "--coinfer.compression.models.by-net.resnet18=" + modelDir,
              "--coinfer.compression.models.home=" + storeHome);
      orchestrator = start(OrchestratorApplication.builder(), orchestratorArgs);
      gateway =
          start(
              GatewayApplication.builder(),
              "--coinfer.gateway.jobs.max-image-size=64KB",
              "--coinfer.gateway.ues.nets=resnet18");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--management.server.address=127.0.0.1",
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.kafka=WARN",
                "--logging.level.org.springframework.kafka=WARN",
                "--coinfer.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--coinfer.security.keys=" + keys.toSetting()));
    all.addAll(List.of(args));
    ConfigurableApplicationContext context = builder.run(all.toArray(String[]::new));
    contexts.add(context);
    return context;
  }

  static String url(ConfigurableApplicationContext context, String path) {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
  }

  static String managementUrl(ConfigurableApplicationContext context, String path) {
    return "http://127.0.0.1:"
        + context.getEnvironment().getProperty("local.management.port")
        + path;
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  HttpResponse<String> putJson(String url, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  HttpResponse<String> post(String url, String contentType, byte[] body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  <T> T read(HttpResponse<String> response, Class<T> type) {
    return json.readValue(response.body(), type);
  }

  @Override
  public void close() {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      contexts.get(i).close();
    }
    broker.close();
  }
}
