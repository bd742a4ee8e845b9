package io.coinfer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.gateway.GatewayApplication;
import io.coinfer.orchestrator.OrchestratorApplication;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The dashboards' metric names against a live {@code /actuator/prometheus}: ue-gateway and
 * orchestrator-service run on an in-JVM KRaft broker, a UE registers, reports state and submits a
 * job, and the scrapes must contain every listed name from the Kafka client, the Kafka binder,
 * Spring Boot and the orchestrator, and the gateway's accepted-jobs counter. (The names that need
 * completed jobs, compression-service or inference-service are checked against the source by {@link
 * GrafanaDashboardsTest}.) Micrometer binds the per-partition Kafka lag gauges at its refresh, up
 * to a minute after the consumers start.
 *
 * <p>About two minutes on two cores, so not in the default run: {@code ./mvnw -pl deploy-tests test
 * -Dtest=LiveMetricsTest -Dcoinfer.live-metrics=true}.
 */
@EnabledIfSystemProperty(named = "coinfer.live-metrics", matches = "true")
class LiveMetricsTest {

  static EmbeddedKafkaKraftBroker broker;
  static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
  static ConfigurableApplicationContext gateway;
  static ConfigurableApplicationContext orchestrator;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServices() {
    broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.afterPropertiesSet();
    orchestrator =
        start(
            OrchestratorApplication.builder(),
            "--coinfer.orchestrator.slot.length=200ms",
            "--coinfer.orchestrator.policy.active=local");
    gateway = start(GatewayApplication.builder());
  }

  static ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... args) {
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
                "--coinfer.kafka.bootstrap-servers=" + broker.getBrokersAsString()));
    all.addAll(List.of(args));
    ConfigurableApplicationContext context = builder.run(all.toArray(String[]::new));
    contexts.add(context);
    return context;
  }

  @AfterAll
  static void stopServices() {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      contexts.get(i).close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  static String url(ConfigurableApplicationContext context, String port, String path) {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty(port) + path;
  }

  static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static Set<String> scrape(ConfigurableApplicationContext context)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                    URI.create(url(context, "local.management.port", "/actuator/prometheus")))
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(r.body());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void scrapesContainTheListedMetrics() throws Exception {
    String register =
        "{\"net\":\"resnet18\",\"deviceProfile\":\"jetson-nano\",\"distanceM\":20,\"pmaxW\":1.0}";
    HttpResponse<String> registered =
        send(
            HttpRequest.newBuilder(URI.create(url(gateway, "local.server.port", "/api/v1/ues")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(register))
                .build());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    Matcher id = Pattern.compile("\"ueId\"\\s*:\\s*\"([^\"]+)\"").matcher(registered.body());
    Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(registered.body());
    assertThat(id.find() && token.find()).as(registered.body()).isTrue();
    String ue = "/api/v1/ues/" + id.group(1);
    String bearer = "Bearer " + token.group(1);
    HttpResponse<String> state =
        send(
            HttpRequest.newBuilder(URI.create(url(gateway, "local.server.port", ue + "/state")))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"tasksQueued\":1,\"distanceM\":20}", StandardCharsets.UTF_8))
                .build());
    assertThat(state.statusCode()).as(state.body()).isBetween(200, 299);
    HttpResponse<String> job =
        send(
            HttpRequest.newBuilder(URI.create(url(gateway, "local.server.port", ue + "/jobs")))
                .header("Content-Type", "image/png")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(png()))
                .build());
    assertThat(job.statusCode()).as(job.body()).isEqualTo(202);

    Map<String, String> listed = GrafanaDashboardsTest.listedMetrics();
    Set<String> expected = new TreeSet<>();
    listed.forEach(
        (name, source) -> {
          if (Set.of("kafka-client", "spring-cloud-stream", "spring-boot", "orchestrator-service")
                  .contains(source)
              || name.equals("coinfer_jobs_accepted_total")) {
            expected.add(name);
          }
        });
    Awaitility.await("every listed metric exported")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Set<String> missing = new TreeSet<>(expected);
              missing.removeAll(scrape(gateway));
              missing.removeAll(scrape(orchestrator));
              assertThat(missing).as("listed metrics not exported").isEmpty();
            });
  }
}
