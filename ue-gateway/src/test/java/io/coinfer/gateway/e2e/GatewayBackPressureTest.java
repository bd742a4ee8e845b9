package io.coinfer.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.events.ClassScore;
import io.coinfer.contracts.events.EdgeTiming;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.JobEvent;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.gateway.GatewayApplication;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ue-gateway alone on an embedded KRaft broker, with nothing behind it: a job stays pending until
 * the test publishes its result on {@code coinfer.results}. So the gateway's bound on pending jobs
 * fills deterministically, and its shutdown can be watched while a job is in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayBackPressureTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private KafkaBroker broker;
  private KafkaConsumer<String, byte[]> jobsTopic;
  private final List<JobEvent> published = new ArrayList<>();

  @BeforeAll
  void startBroker() {
    broker = KafkaBroker.embeddedKraft();
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "back-pressure-test");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    jobsTopic = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    jobsTopic.subscribe(List.of("coinfer.jobs"));
  }

  @AfterAll
  void stopBroker() {
    jobsTopic.close();
    broker.close();
  }

  @Test
  void shouldAnswer429WithRetryAfterOncePendingJobsReachTheBoundAndAcceptAgainAfterAResult() {
    // Given a gateway that holds at most 2 pending jobs
    try (ConfigurableApplicationContext gateway =
        gateway("--coinfer.gateway.jobs.max-pending=2", "--coinfer.gateway.jobs.retry-after=3s")) {
      UeRegistration ue = register(gateway);
      // When 2 jobs wait for their result
      assertThat(submit(gateway, ue, null).statusCode()).isEqualTo(202);
      assertThat(submit(gateway, ue, null).statusCode()).isEqualTo(202);

      // Then a third is refused with 429, Retry-After and a problem detail
      HttpResponse<String> refused = submit(gateway, ue, null);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.get("status").asInt()).isEqualTo(429);
      assertThat(problem.get("type").asString())
          .isEqualTo("https://coinfer.io/problems/too-many-requests");
      assertThat(problem.get("detail").asString()).contains("holds 2 pending jobs");
      assertThat(problem.get("retryAfterSeconds").asInt()).isEqualTo(3);
      // and nothing of it was published: only the two accepted jobs are on coinfer.jobs
      List<JobEvent> jobs = awaitPublished(ue, 2);
      assertThat(jobs).hasSize(2);

      // When one of the two gets its result, the gateway accepts a job again
      publishResult(gateway, jobs.get(0));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> status(gateway, ue, jobs.get(0).jobId()) == JobStatus.DONE);
      assertThat(submit(gateway, ue, null).statusCode()).isEqualTo(202);
      assertThat(submit(gateway, ue, null).statusCode()).isEqualTo(429);
      assertThat(awaitPublished(ue, 3)).hasSize(3);
    }
  }

  @Test
  void shouldFinishPendingJobsAtShutdownAndRefuseNewOnesWith503Meanwhile() throws Exception {
    // Given a gateway with one job whose client waits for the result (?wait=30s)
    ConfigurableApplicationContext gateway =
        gateway(
            "--coinfer.gateway.jobs.drain-timeout=30s", "--coinfer.gateway.jobs.retry-after=2s");
    UeRegistration ue = register(gateway);
    CompletableFuture<HttpResponse<String>> waiting = submitAsync(gateway, ue, "30s");
    awaitPublished(ue, 1);

    // When the gateway is closed (as at SIGTERM)
    CompletableFuture<Void> closed = CompletableFuture.runAsync(gateway::close);

    // Then it refuses new jobs with 503 and Retry-After while it waits for the pending one
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> submit(gateway, ue, null).statusCode() == 503);
    HttpResponse<String> refused = submit(gateway, ue, null);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(JSON.readTree(refused.body()).get("type").asString())
        .isEqualTo("https://coinfer.io/problems/unavailable");
    assertThat(closed).isNotDone();
    assertThat(waiting).isNotDone();

    // and when the results arrive (for the waiting job, and any accepted just before the close),
    // the waiting client gets its result and the gateway finishes closing
    for (JobEvent pending : awaitPublished(ue, 1)) {
      publishResult(gateway, pending);
    }
    HttpResponse<String> answer = waiting.get(20, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(JSON.readValue(answer.body(), JobView.class).status()).isEqualTo(JobStatus.DONE);
    closed.get(30, TimeUnit.SECONDS);
    assertThat(gateway.isActive()).isFalse();
  }

  private ConfigurableApplicationContext gateway(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--management.server.address=127.0.0.1",
                "--spring.main.register-shutdown-hook=false",
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.kafka=WARN",
                "--coinfer.gateway.ues.nets=resnet18",
                "--coinfer.kafka.bootstrap-servers=" + broker.bootstrapServers()));
    args.addAll(List.of(extra));
    return GatewayApplication.builder().run(args.toArray(String[]::new));
  }

  private UeRegistration register(ConfigurableApplicationContext gateway) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(url(gateway, "/api/v1/ues"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"net\":\"resnet18\",\"deviceProfile\":\"jetson-nano\","
                            + "\"distanceM\":50,\"pmaxW\":1}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readValue(r.body(), UeRegistration.class);
  }

  private HttpResponse<String> submit(
      ConfigurableApplicationContext gateway, UeRegistration ue, String wait) {
    return send(job(gateway, ue, wait));
  }

  private CompletableFuture<HttpResponse<String>> submitAsync(
      ConfigurableApplicationContext gateway, UeRegistration ue, String wait) {
    return http.sendAsync(job(gateway, ue, wait).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder job(
      ConfigurableApplicationContext gateway, UeRegistration ue, String wait) {
    String path = "/api/v1/ues/" + ue.ue().ueId() + "/jobs" + (wait == null ? "" : "?wait=" + wait);
    return HttpRequest.newBuilder(url(gateway, path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + ue.token())
        .header("Content-Type", "image/png")
        .POST(HttpRequest.BodyPublishers.ofByteArray(png()));
  }

  private JobStatus status(ConfigurableApplicationContext gateway, UeRegistration ue, String id) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(url(gateway, "/api/v1/jobs/" + id))
                .header("Authorization", "Bearer " + ue.token())
                .GET());
    return JSON.readValue(r.body(), JobView.class).status();
  }

  /** The UE's jobs on {@code coinfer.jobs} so far, once there are at least {@code count}. */
  private List<JobEvent> awaitPublished(UeRegistration ue, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> readJobs(ue, 200).size() >= count);
    return readJobs(ue, 500); // and whatever else arrives meanwhile
  }

  private List<JobEvent> readJobs(UeRegistration ue, long pollMs) {
    for (ConsumerRecord<String, byte[]> r : jobsTopic.poll(Duration.ofMillis(pollMs))) {
      published.add(JSON.readValue(r.value(), JobEvent.class));
    }
    return published.stream().filter(j -> j.ueId().equals(ue.ue().ueId())).toList();
  }

  private void publishResult(ConfigurableApplicationContext gateway, JobEvent job) {
    ResultEvent result =
        new ResultEvent(
            Event.SCHEMA_VERSION,
            job.jobId(),
            job.ueId(),
            job.net(),
            JobStatus.DONE,
            List.of(new ClassScore(0, "class-0", 1.0)),
            null,
            null,
            EdgeTiming.NONE,
            0,
            0.1,
            null,
            null,
            Instant.now());
    byte[] value = gateway.getBean(EventJson.class).write(result);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("coinfer.results", job.jobId(), value));
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI url(ConfigurableApplicationContext gateway, String path) {
    return URI.create(
        "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port") + path);
  }

  private static byte[] png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
