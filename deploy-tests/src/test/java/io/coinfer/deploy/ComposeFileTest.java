package io.coinfer.deploy;

import static io.coinfer.deploy.Repo.SERVICES;
import static io.coinfer.deploy.Repo.at;
import static io.coinfer.deploy.Repo.list;
import static io.coinfer.deploy.Repo.listAt;
import static io.coinfer.deploy.Repo.map;
import static io.coinfer.deploy.Repo.mapAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} parsed as YAML (no Docker engine needed): service names, ports,
 * environment, healthchecks, dependencies and limits, and the files it mounts.
 */
class ComposeFileTest {

  static final Map<String, Object> COMPOSE = Repo.loadOne(Repo.path("docker-compose.yml"));
  static final Map<String, Object> SERVICES_BY_NAME = mapAt(COMPOSE, "services");

  static Map<String, Object> service(String name) {
    return map(SERVICES_BY_NAME.get(name));
  }

  static Map<String, String> environment(String name) {
    Map<String, String> env = new HashMap<>();
    Object raw = service(name).get("environment");
    if (raw instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
    } else if (raw != null) {
      for (Object entry : list(raw)) {
        String[] kv = String.valueOf(entry).split("=", 2);
        env.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return env;
  }

  /** Published ports as host port to container port ("127.0.0.1:8080:8080" -> 8080=8080). */
  static Map<Integer, Integer> publishedPorts(String name) {
    Map<Integer, Integer> ports = new HashMap<>();
    Object raw = service(name).get("ports");
    if (raw == null) {
      return ports;
    }
    for (Object p : list(raw)) {
      String[] parts = String.valueOf(p).split(":");
      ports.put(
          Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
    }
    return ports;
  }

  static long memoryLimitBytes(String name) {
    Object limit = at(service(name), "deploy.resources.limits.memory");
    assertThat(limit).as("memory limit of %s", name).isNotNull();
    Matcher m = Pattern.compile("(\\d+)([kmg])").matcher(String.valueOf(limit).toLowerCase());
    assertThat(m.matches()).as("memory limit of %s: %s", name, limit).isTrue();
    long unit =
        switch (m.group(2)) {
          case "k" -> 1L << 10;
          case "m" -> 1L << 20;
          default -> 1L << 30;
        };
    return Long.parseLong(m.group(1)) * unit;
  }

  /** The host path of a bind mount for a container path, e.g. ./deploy/prometheus. */
  static Path hostPathOf(String name, String containerPath) {
    for (Object v : listAt(service(name), "volumes")) {
      String[] parts = String.valueOf(v).split(":");
      if (parts.length >= 2 && parts[1].equals(containerPath) && parts[0].startsWith("./")) {
        return Repo.root().resolve(parts[0].substring(2)).normalize();
      }
    }
    throw new AssertionError(name + " mounts nothing at " + containerPath);
  }

  @Test
  void definesExactlyTheExpectedServices() {
    assertThat(SERVICES_BY_NAME.keySet())
        .containsExactlyInAnyOrder(
            "kafka",
            "kafka-init",
            "ue-gateway",
            "orchestrator-service",
            "compression-service",
            "inference-service",
            "prometheus",
            "grafana",
            "ue-simulator");
  }

  @Test
  void kafkaIsASingleKraftNodeOfTheOfficialImageWithAHealthcheck() {
    Map<String, Object> kafka = service("kafka");
    assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
    Map<String, String> env = environment("kafka");
    assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
        .isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:9093");
    assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
    assertThat(env.get("KAFKA_LISTENERS")).contains("PLAINTEXT://:9092", "CONTROLLER://:9093");
    assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("1");
    assertThat(env).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    assertThat(String.valueOf(at(kafka, "healthcheck.test")))
        .contains("kafka-broker-api-versions.sh", "localhost:9092");
    // Host clients reach the broker on the advertised HOST listener.
    assertThat(publishedPorts("kafka")).containsEntry(29092, 29092);
    assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("HOST://localhost:29092");
  }

  @Test
  void platformServicesHaveTheirPortsEnvironmentHealthcheckAndDependencies() {
    for (Repo.Service s : SERVICES) {
      Map<String, Object> svc = service(s.name());
      Map<String, String> env = environment(s.name());

      assertThat(at(svc, "build.context")).isEqualTo(".");
      assertThat(at(svc, "build.args.MODULE")).isEqualTo(s.name());
      assertThat((String) svc.get("image")).startsWith("coinfer/" + s.name() + ":");
      assertThat(env)
          .as(s.name())
          .containsEntry("SPRING_PROFILES_ACTIVE", "docker")
          .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "kafka:9092")
          .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
          .containsEntry("COINFER_KAFKA_BOOTSTRAPSERVERS", "kafka:9092")
          .containsEntry("SERVER_PORT", String.valueOf(s.port()))
          .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(s.managementPort()))
          .containsEntry("MANAGEMENT_METRICS_TAGS_APPLICATION", s.name());
      assertThat(publishedPorts(s.name()))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(s.port(), s.port(), s.managementPort(), s.managementPort()));
      assertThat(listAt(svc, "ports"))
          .allSatisfy(p -> assertThat(String.valueOf(p)).startsWith("127.0.0.1:"));
      assertThat(
              String.join(
                  " ", listAt(svc, "healthcheck.test").stream().map(String::valueOf).toList()))
          .contains("http://localhost:" + s.managementPort() + "/actuator/health/readiness");
      assertThat(at(svc, "depends_on.kafka.condition")).isEqualTo("service_healthy");
      assertThat(at(svc, "depends_on.kafka-init.condition"))
          .isEqualTo("service_completed_successfully");
      assertThat(memoryLimitBytes(s.name())).isBetween(256L << 20, 4L << 30);
      // The model store ($COINFER_HOME of the image), a named volume unless overridden.
      assertThat(listAt(svc, "volumes"))
          .contains("${COINFER_MODEL_STORE:-coinfer-cache}:/tmp/coinfer");
    }
  }

  @Test
  void everyLongRunningServiceHasAHealthcheckAndEveryServiceAMemoryLimit() {
    for (String name : SERVICES_BY_NAME.keySet()) {
      assertThat(memoryLimitBytes(name)).as(name).isPositive();
      if (!Set.of("kafka-init", "ue-simulator").contains(name)) {
        assertThat(service(name)).as(name).containsKey("healthcheck");
      }
    }
  }

  @Test
  void noTwoServicesPublishTheSameHostPort() {
    List<Integer> hostPorts = new ArrayList<>();
    for (String name : SERVICES_BY_NAME.keySet()) {
      hostPorts.addAll(publishedPorts(name).keySet());
    }
    assertThat(hostPorts).doesNotHaveDuplicates();
  }

  @Test
  void theSimulatorIsAnOptionalProfileDrivingTheGateway() {
    Map<String, Object> sim = service("ue-simulator");
    assertThat(listAt(sim, "profiles")).containsExactly("sim");
    assertThat(at(sim, "build.args.MODULE")).isEqualTo("coinfer-cli");
    List<String> command = listAt(sim, "command").stream().map(String::valueOf).toList();
    assertThat(command.get(0)).isEqualTo("simulate");
    assertThat(command).containsSequence("--gateway", "http://ue-gateway:8080");
    assertThat(at(sim, "depends_on.ue-gateway.condition")).isEqualTo("service_healthy");
    // Every option it passes is one that `coinfer simulate` declares.
    Path simulate =
        Repo.path("coinfer-cli/src/main/java/io/coinfer/cli/simulate/SimulateCommand.java");
    if (Files.isRegularFile(simulate)) {
      String source = Repo.read(simulate);
      assertThat(source).contains("name = \"simulate\"");
      command.stream()
          .filter(a -> a.startsWith("--"))
          .forEach(o -> assertThat(source).as(o).contains("names = \"" + o + "\""));
    }
    // Only the simulator is optional.
    SERVICES_BY_NAME.forEach(
        (name, svc) -> {
          if (!name.equals("ue-simulator")) {
            assertThat(map(svc)).as(name).doesNotContainKey("profiles");
          }
        });
  }

  @Test
  void kafkaInitCreatesEveryTopicWithUeStateCompacted() {
    assertThat(at(service("kafka-init"), "depends_on.kafka.condition"))
        .isEqualTo("service_healthy");
    Path dir = hostPathOf("kafka-init", "/deploy/kafka");
    String script = Repo.read(dir.resolve("create-topics.sh"));
    assertThat(listAt(service("kafka-init"), "entrypoint"))
        .contains("/deploy/kafka/create-topics.sh");
    for (String topic : Topics.declared()) {
      assertThat(script).as(topic).containsPattern("create " + Pattern.quote(topic) + "( |$)");
    }
    assertThat(script)
        .containsPattern("create coinfer\\.ue-state --config cleanup\\.policy=compact");
  }

  @Test
  void prometheusScrapesTheManagementPortOfEveryService() {
    Path dir = hostPathOf("prometheus", "/etc/prometheus");
    Map<String, Object> config = Repo.loadOne(dir.resolve("prometheus.yml"));
    Map<String, Map<String, Object>> jobs = new HashMap<>();
    for (Object job : listAt(config, "scrape_configs")) {
      jobs.put((String) map(job).get("job_name"), map(job));
    }
    for (Repo.Service s : SERVICES) {
      Map<String, Object> job = jobs.get(s.name());
      assertThat(job).as("scrape job " + s.name()).isNotNull();
      assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
      assertThat(listAt(map(listAt(job, "static_configs").get(0)), "targets"))
          .containsExactly(s.name() + ":" + s.managementPort());
    }
    for (Object rules : listAt(config, "rule_files")) {
      String file = String.valueOf(rules);
      assertThat(dir.resolve(file)).as("rule file").isRegularFile();
    }
  }

  @Test
  void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboards() {
    Path provisioning = hostPathOf("grafana", "/etc/grafana/provisioning");
    Path dashboards = hostPathOf("grafana", "/var/lib/grafana/dashboards");
    assertThat(dashboards).isEqualTo(Repo.path("deploy/grafana/dashboards"));

    Map<String, Object> ds =
        map(
            listAt(Repo.loadOne(provisioning.resolve("datasources/prometheus.yml")), "datasources")
                .get(0));
    assertThat(ds)
        .containsEntry("type", "prometheus")
        .containsEntry("url", "http://prometheus:9090");
    Map<String, Object> provider =
        map(
            listAt(Repo.loadOne(provisioning.resolve("dashboards/coinfer.yml")), "providers")
                .get(0));
    assertThat(at(provider, "options.path")).isEqualTo("/var/lib/grafana/dashboards");
    String home = environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
    assertThat(dashboards.resolve(Path.of(home).getFileName())).isRegularFile();
    assertThat(at(service("grafana"), "depends_on.prometheus.condition"))
        .isEqualTo("service_healthy");
  }

  @Test
  void theSharedDockerfileBuildsEveryComposedModuleFromItsJar() {
    String dockerfile = Repo.read(Repo.path("Dockerfile"));
    assertThat(dockerfile)
        .contains("ARG MODULE", "COPY ${MODULE}/target/*.jar jars/")
        .contains("extract --layers")
        .contains("--application-filename application.jar")
        .containsPattern("ENTRYPOINT \\[\"java\", \"-jar\", \"application.jar\"]")
        .containsPattern("(?m)^USER 10001")
        // The compose model-store volume is mounted where the image's COINFER_HOME points.
        .contains("COINFER_HOME=/tmp/coinfer");
    String dockerignore = Repo.read(Repo.path(".dockerignore"));
    assertThat(dockerignore).contains("!*/target/*.jar");
    SERVICES_BY_NAME.forEach(
        (name, svc) -> {
          Object module = at(svc, "build.args.MODULE");
          if (module != null) {
            Path pom = Repo.path(module + "/pom.xml");
            assertThat(pom).as(name).isRegularFile();
            // The module builds an executable jar for the image.
            assertThat(Repo.read(pom))
                .as(pom.toString())
                .contains("spring-boot-maven-plugin", "<goal>repackage</goal>");
          }
        });
  }

  @Test
  void noSecretIsWrittenIntoTheComposeFile() throws Exception {
    String text = Files.readString(Repo.path("docker-compose.yml"));
    assertThat(text).doesNotContain("BEGIN ", "PASSWORD:");
    // the four services get one signing key set from the caller's environment, required
    for (Repo.Service s : Repo.SERVICES) {
      assertThat(environment(s.name()).get("COINFER_SECURITY_KEYS"))
          .as(s.name() + ": taken from the caller's environment, no default")
          .startsWith("${COINFER_SECURITY_KEYS:?");
    }
  }
}
