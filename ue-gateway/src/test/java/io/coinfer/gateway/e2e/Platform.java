package io.coinfer.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinfer.compression.CompressionApplication;
import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.JobStatus;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services, each in its own application context, on one Kafka broker (in-JVM KRaft or a
 * container), bound to 127.0.0.1 on free ports; and a small HTTP client for their APIs. A service
 * can be stopped (its context closed, as at a SIGTERM) and started again with the same arguments
 * and consumer groups.
 */
public final class Platform implements AutoCloseable {

  /** A platform service, in start order (edge first). */
  public enum Service {
    /** inference-service. */
    INFERENCE(InferenceApplication::builder),
    /** compression-service. */
    COMPRESSION(CompressionApplication::builder),
    /** orchestrator-service. */
    ORCHESTRATOR(OrchestratorApplication::builder),
    /** ue-gateway. */
    GATEWAY(GatewayApplication::builder);

    private final Supplier<SpringApplicationBuilder> builder;

    Service(Supplier<SpringApplicationBuilder> builder) {
      this.builder = builder;
    }
  }

  final KafkaBroker broker;
  final JsonMapper json = JsonMapper.builder().build();

  /** One signing key set for the four services, as {@code coinfer up} gives them. */
  private final SigningKeys keys = SigningKeys.of(List.of(SigningKeys.newEntry("e2e")));

  /** Tokens of the platform's keys and issuer. */
  final Tokens tokens = new Tokens(keys, "coinfer", Clock.systemUTC());

  /** An operator's admin token, for the internal services' APIs and the admin operations. */
  final String adminToken = tokens.issue("e2e-operator", Role.ADMIN, Duration.ofHours(2));

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Service, List<String>> args = new EnumMap<>(Service.class);
  private final Map<Service, ConfigurableApplicationContext> contexts =
      new EnumMap<>(Service.class);

  /**
   * Starts the four services on the broker, and closes the broker with them.
   *
   * @param broker the running broker
   * @param modelDir the split model folder the services serve for resnet18
   * @param storeHome the model store's home
   * @param orchestratorArgs extra arguments of the orchestrator
   * @param compressionArgs extra arguments of compression-service
   */
  public Platform(
      KafkaBroker broker,
      Path modelDir,
      Path storeHome,
      List<String> orchestratorArgs,
      List<String> compressionArgs) {
    this.broker = broker;
    args.put(
        Service.INFERENCE,
        List.of(
            "--coinfer.inference.models.by-net.resnet18=" + modelDir,
            "--coinfer.inference.models.home=" + storeHome,
            "--coinfer.inference.batching.max-wait=50ms"));
    List<String> compression =
        new ArrayList<>(
            List.of(
                "--coinfer.compression.models.by-net.resnet18=" + modelDir,
                "--coinfer.compression.models.home=" + storeHome));
    compression.addAll(compressionArgs);
    args.put(Service.COMPRESSION, compression);
    args.put(Service.ORCHESTRATOR, List.copyOf(orchestratorArgs));
    args.put(
        Service.GATEWAY,
        List.of(
            "--coinfer.gateway.jobs.max-image-size=64KB",
            "--coinfer.gateway.ues.nets=resnet18",
            "--coinfer.gateway.ues.report-on-job-after=1s"));
    try {
      for (Service service : Service.values()) {
        start(service);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the four services on the broker with the orchestrator's extra arguments.
   *
   * @param broker the running broker
   * @param modelDir the split model folder the services serve for resnet18
   * @param storeHome the model store's home
   * @param orchestratorArgs extra arguments of the orchestrator
   */
  Platform(KafkaBroker broker, Path modelDir, Path storeHome, String... orchestratorArgs) {
    this(broker, modelDir, storeHome, List.of(orchestratorArgs), List.of());
  }

  /**
   * A running service's context.
   *
   * @param service the service
   * @return its context
   * @throws IllegalStateException if it is stopped
   */
  public ConfigurableApplicationContext context(Service service) {
    ConfigurableApplicationContext context = contexts.get(service);
    if (context == null) {
      throw new IllegalStateException(service + " is stopped");
    }
    return context;
  }

  /**
   * @param service the service
   * @return whether it runs (started and not stopped since)
   */
  public boolean isRunning(Service service) {
    return contexts.containsKey(service);
  }

  /**
   * Stops a service: closes its context (Spring's graceful shutdown, as at a SIGTERM).
   *
   * @param service the service
   */
  public void stop(Service service) {
    ConfigurableApplicationContext context = contexts.remove(service);
    if (context != null) {
      context.close();
    }
  }

  /**
   * Starts a stopped service in a new context with the arguments it first started with (the same
   * consumer groups, new free ports).
   *
   * @param service the service
   */
  public void start(Service service) {
    if (contexts.containsKey(service)) {
      throw new IllegalStateException(service + " is running");
    }
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
    all.addAll(args.get(service));
    contexts.put(service, service.builder.get().run(all.toArray(String[]::new)));
  }

  /**
   * A URL on a running service's port.
   *
   * @param service the service
   * @param path the path
   * @return the URL
   */
  public String url(Service service, String path) {
    return url(context(service), path);
  }

  public static String url(ConfigurableApplicationContext context, String path) {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
  }

  public static String managementUrl(ConfigurableApplicationContext context, String path) {
    return "http://127.0.0.1:"
        + context.getEnvironment().getProperty("local.management.port")
        + path;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
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

  public HttpResponse<String> get(String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  public HttpResponse<String> putJson(String url, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  public HttpResponse<String> post(String url, String contentType, byte[] body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /**
   * Registers a resnet18 UE with the Jetson Nano profile and a pmax of 1 W at the gateway.
   *
   * @param distanceM its distance to the edge, metres
   * @return its registration (id and token)
   */
  public UeRegistration registerUe(double distanceM) {
    HttpResponse<String> response =
        post(
            url(Service.GATEWAY, "/api/v1/ues"),
            "application/json",
            ("{\"net\":\"resnet18\",\"deviceProfile\":\"jetson-nano\",\"distanceM\":"
                    + distanceM
                    + ",\"pmaxW\":1.0}")
                .getBytes(StandardCharsets.UTF_8),
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return read(response, UeRegistration.class);
  }

  /**
   * Submits an image job for a UE with {@code ?wait=20s} and asserts it comes back done.
   *
   * @param ue the UE
   * @param png the image
   * @return the job's view, {@code DONE}
   */
  public JobView submitAndAwaitDone(UeRegistration ue, byte[] png) {
    HttpResponse<String> response =
        post(
            url(Service.GATEWAY, "/api/v1/ues/" + ue.ue().ueId() + "/jobs?wait=20s"),
            "image/png",
            png,
            ue.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JobView view = read(response, JobView.class);
    assertThat(view.status()).as(response.body()).isEqualTo(JobStatus.DONE);
    return view;
  }

  /**
   * Awaits a decision of a policy for every UE at the gateway, then one slot more, so that every
   * consumer of {@code coinfer.decisions} has it.
   *
   * @param ues the UEs
   * @param policyId the policy's id, e.g. {@code fixed:2:0.5}
   * @param atMost how long to wait
   */
  public void awaitDecisions(List<UeRegistration> ues, String policyId, Duration atMost) {
    long[] firstSlot = {-1};
    await()
        .atMost(atMost)
        .until(
            () -> {
              long min = Long.MAX_VALUE;
              for (UeRegistration ue : ues) {
                HttpResponse<String> r =
                    get(
                        url(Service.GATEWAY, "/api/v1/ues/" + ue.ue().ueId() + "/decision"),
                        ue.token());
                if (r.statusCode() != 200) {
                  return false;
                }
                DecisionEvent d = read(r, DecisionEvent.class);
                if (!d.policyId().equals(policyId)) {
                  return false;
                }
                min = Math.min(min, d.slot());
              }
              if (firstSlot[0] < 0) {
                firstSlot[0] = min;
              }
              return min > firstSlot[0];
            });
  }

  /**
   * Every record a topic holds now, read from the beginning of each partition.
   *
   * @param topic the topic
   * @return its records
   */
  public List<ConsumerRecord<byte[], byte[]>> records(String topic) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /**
   * Reads a JSON body.
   *
   * @param response the response
   * @param type the body's type
   * @param <T> the body's type
   * @return the body
   */
  public <T> T read(HttpResponse<String> response, Class<T> type) {
    return json.readValue(response.body(), type);
  }

  /**
   * Reads a JSON record value.
   *
   * @param value the record's value
   * @param type the value's type
   * @param <T> the value's type
   * @return the value
   */
  public <T> T read(byte[] value, Class<T> type) {
    return json.readValue(value, type);
  }

  /** Stops the services, gateway first, then the broker. */
  @Override
  public void close() {
    Service[] services = Service.values();
    for (int i = services.length - 1; i >= 0; i--) {
      stop(services[i]);
    }
    broker.close();
  }
}
