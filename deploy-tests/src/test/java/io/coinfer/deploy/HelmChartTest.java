package io.coinfer.deploy;

import static io.coinfer.deploy.Repo.SERVICES;
import static io.coinfer.deploy.Repo.at;
import static io.coinfer.deploy.Repo.list;
import static io.coinfer.deploy.Repo.listAt;
import static io.coinfer.deploy.Repo.map;
import static io.coinfer.deploy.Repo.mapAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Helm chart {@code helm/coinfer}, linted and rendered by a real helm (helm-java embeds the
 * Helm Go library), with default and non-default values; the rendered objects are parsed and
 * checked.
 */
class HelmChartTest {

  static final Path CHART = Repo.path("helm/coinfer");
  static final String RELEASE = "coinfer";
  static final String NAMESPACE = "edge";
  static final String KUBE_VERSION = "1.31.0";

  /** Renders the chart as release {@value #RELEASE} in namespace {@value #NAMESPACE}. */
  static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> options) {
    TemplateCommand command =
        new Helm(CHART)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    return Repo.loadAll(options.apply(command).call());
  }

  static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
    return ofKind(objects, kind).stream()
        .filter(o -> name.equals(at(o, "metadata.name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  static Map<String, Object> container(Map<String, Object> deployment) {
    List<Object> containers = listAt(deployment, "spec.template.spec.containers");
    assertThat(containers).hasSize(1);
    return map(containers.get(0));
  }

  static Map<String, Object> env(Map<String, Object> container) {
    Map<String, Object> env = new TreeMap<>();
    for (Object e : list(container.get("env"))) {
      env.put((String) map(e).get("name"), map(e).get("value"));
    }
    return env;
  }

  static Map<String, Object> portsByName(List<Object> ports, String numberKey) {
    return ports.stream()
        .map(Repo::map)
        .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p.get(numberKey)));
  }

  static Map<String, Object> values() {
    return Repo.loadOne(CHART.resolve("values.yaml"));
  }

  @Test
  void lintStrictPasses() {
    LintResult result = new Helm(CHART).lint().strict().call();

    assertThat(result.getMessages())
        .as("helm lint --strict messages")
        .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithDefaultValues {

    List<Map<String, Object>> objects;

    @BeforeAll
    void renderOnce() {
      objects = render(c -> c);
    }

    @Test
    void rendersTheFourServicesWithTheirObjectsAndNothingOptional() {
      Map<String, Long> kinds =
          objects.stream()
              .collect(
                  Collectors.groupingBy(
                      o -> (String) o.get("kind"), TreeMap::new, Collectors.counting()));

      assertThat(kinds)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "Deployment", 4L,
                  "Service", 4L,
                  "ConfigMap", 5L,
                  "PodDisruptionBudget", 4L,
                  "HorizontalPodAutoscaler", 1L,
                  "NetworkPolicy", 4L,
                  "ServiceAccount", 1L));
      for (Repo.Service s : SERVICES) {
        named(objects, "Deployment", RELEASE + "-" + s.name());
        named(objects, "Service", RELEASE + "-" + s.name());
        named(objects, "ConfigMap", RELEASE + "-" + s.name() + "-config");
        named(objects, "PodDisruptionBudget", RELEASE + "-" + s.name());
      }
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnTheManagementPort() {
      for (Repo.Service s : SERVICES) {
        Map<String, Object> c = container(named(objects, "Deployment", RELEASE + "-" + s.name()));

        assertThat(portsByName(list(c.get("ports")), "containerPort"))
            .as(s.name())
            .containsExactlyInAnyOrderEntriesOf(
                Map.of("http", s.port(), "management", s.managementPort()));
        assertThat(at(c, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(c, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(c, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          assertThat(at(c, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
        // Startup allows minutes for models to load; liveness then reacts in seconds.
        int startupBudget =
            (Integer) at(c, "startupProbe.periodSeconds")
                * (Integer) at(c, "startupProbe.failureThreshold");
        assertThat(startupBudget).isGreaterThanOrEqualTo(180);
      }
    }

    @Test
    void servicesAndConfigMapsAgreeWithTheContainerPorts() {
      for (Repo.Service s : SERVICES) {
        Map<String, Object> svc = named(objects, "Service", RELEASE + "-" + s.name());
        assertThat(portsByName(listAt(svc, "spec.ports"), "port"))
            .containsExactlyInAnyOrderEntriesOf(
                Map.of("http", s.port(), "management", s.managementPort()));
        assertThat(portsByName(listAt(svc, "spec.ports"), "targetPort"))
            .containsExactlyInAnyOrderEntriesOf(Map.of("http", "http", "management", "management"));
        Map<String, Object> selector = mapAt(svc, "spec.selector");
        Map<String, Object> podLabels =
            mapAt(named(objects, "Deployment", name(svc)), "spec.template.metadata.labels");
        assertThat(podLabels).containsAllEntriesOf(selector);

        Map<String, Object> app = applicationYaml(objects, s.name());
        assertThat(at(app, "server.port")).isEqualTo(s.port());
        assertThat(at(app, "management.server.port")).isEqualTo(s.managementPort());
        assertThat(at(app, "management.endpoints.web.exposure.include"))
            .isEqualTo("health,info,prometheus");
        assertThat(at(app, "management.endpoint.health.probes.enabled")).isEqualTo(true);
        assertThat(at(app, "management.metrics.tags.application")).isEqualTo(s.name());
        assertThat(at(app, "spring.application.name")).isEqualTo(s.name());
      }
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithResources() {
      for (Map<String, Object> d : ofKind(objects, "Deployment")) {
        Map<String, Object> pod = mapAt(d, "spec.template.spec");
        assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) at(pod, "securityContext.runAsUser")).isPositive();
        assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
        Map<String, Object> c = container(d);
        assertThat(at(c, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(c, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(listAt(c, "securityContext.capabilities.drop")).containsExactly("ALL");
        assertThat(mapAt(c, "resources.requests")).containsKeys("cpu", "memory");
        // Keeps serving while endpoints are removed, then shuts down gracefully in time.
        assertThat(listAt(c, "lifecycle.preStop.exec.command")).containsExactly("sleep", "5");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(5 + 30);
        Map<String, Object> spread = map(listAt(pod, "topologySpreadConstraints").get(0));
        assertThat(spread.get("whenUnsatisfiable")).isEqualTo("ScheduleAnyway");
        assertThat(at(spread, "labelSelector.matchLabels"))
            .isEqualTo(mapAt(d, "spec.selector.matchLabels"));
        assertThat(mapAt(c, "resources.limits")).containsKey("memory");
        // The only writable paths: /tmp on an emptyDir.
        List<Object> mounts = list(c.get("volumeMounts"));
        assertThat(mounts).map(m -> map(m).get("mountPath")).contains("/tmp", "/config");
        assertThat(mounts)
            .filteredOn(m -> !"/tmp".equals(map(m).get("mountPath")))
            .allSatisfy(m -> assertThat(map(m).get("readOnly")).isEqualTo(true));
        assertThat(listAt(pod, "volumes"))
            .noneMatch(v -> map(v).containsKey("persistentVolumeClaim"));
        assertThat(listAt(pod, "volumes"))
            .filteredOn(v -> "tmp".equals(map(v).get("name")))
            .singleElement()
            .satisfies(v -> assertThat(map(v)).containsKey("emptyDir"));
      }
    }

    @Test
    void signingKeysComeFromASecretThatTheChartReferencesButNeverCreates() {
      assertThat(ofKind(objects, "Secret")).isEmpty();
      // every service takes the platform's key set from the Secret, never from a value, and
      // mounts no key files by default
      for (Map<String, Object> d : ofKind(objects, "Deployment")) {
        assertThat(listAt(d, "spec.template.spec.volumes"))
            .noneMatch(v -> map(v).containsKey("secret"));
        Map<String, Object> keys =
            list(container(d).get("env")).stream()
                .map(Repo::map)
                .filter(e -> "COINFER_SECURITY_KEYS".equals(e.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(keys).doesNotContainKey("value");
        assertThat(at(keys, "valueFrom.secretKeyRef"))
            .isEqualTo(
                Map.of(
                    "name",
                    at(values(), "security.signingKeys.secretName"),
                    "key",
                    "signing-keys"));
      }
      for (Map<String, Object> d : ofKind(objects, "Deployment")) {
        assertThat(env(container(d)).values())
            .allSatisfy(
                v ->
                    assertThat(String.valueOf(v))
                        .doesNotContain("BEGIN")
                        .doesNotContainIgnoringCase("PRIVATE KEY"));
      }
    }

    @Test
    void everyServiceGetsTheKafkaBootstrapServersAndItsSettings() {
      Object brokers = at(values(), "kafka.bootstrapServers");
      assertThat(brokers).asString().isNotBlank();
      for (Map<String, Object> d : ofKind(objects, "Deployment")) {
        Map<String, Object> env = env(container(d));
        assertThat(env)
            .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", brokers)
            .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", brokers)
            .containsEntry("SPRING_PROFILES_ACTIVE", "kubernetes")
            .containsEntry("COINFER_KAFKA_BOOTSTRAPSERVERS", brokers);
        assertThat(at(d, "spec.template.metadata.annotations"))
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsKey("checksum/config");
      }
    }

    @Test
    void inferenceServiceScalesOnCpuAndTheOrchestratorRunsOneSlotClock() {
      Map<String, Object> hpa =
          named(objects, "HorizontalPodAutoscaler", RELEASE + "-inference-service");
      assertThat(at(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
      assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo(RELEASE + "-inference-service");
      assertThat(at(hpa, "spec.minReplicas")).isEqualTo(2);
      assertThat(at(hpa, "spec.maxReplicas")).isEqualTo(6);
      Map<String, Object> metric = map(listAt(hpa, "spec.metrics").get(0));
      assertThat(at(metric, "resource.name")).isEqualTo("cpu");
      assertThat(at(metric, "resource.target.averageUtilization")).isEqualTo(70);
      assertThat(at(hpa, "spec.behavior.scaleDown.stabilizationWindowSeconds")).isEqualTo(300);
      // The HPA owns the replica count of inference-service.
      assertThat(mapAt(named(objects, "Deployment", RELEASE + "-inference-service"), "spec"))
          .doesNotContainKey("replicas");

      Map<String, Object> orchestrator =
          named(objects, "Deployment", RELEASE + "-orchestrator-service");
      assertThat(at(orchestrator, "spec.replicas")).isEqualTo(1);
      assertThat(at(orchestrator, "spec.strategy.type")).isEqualTo("Recreate");
      assertThat(at(named(objects, "Deployment", RELEASE + "-ue-gateway"), "spec.replicas"))
          .isEqualTo(2);
    }

    @Test
    void disruptionBudgetsSelectTheirOwnPods() {
      for (Repo.Service s : SERVICES) {
        Map<String, Object> pdb = named(objects, "PodDisruptionBudget", RELEASE + "-" + s.name());
        Map<String, Object> podLabels =
            mapAt(
                named(objects, "Deployment", RELEASE + "-" + s.name()),
                "spec.template.metadata.labels");
        assertThat(podLabels).containsAllEntriesOf(mapAt(pdb, "spec.selector.matchLabels"));
        assertThat(mapAt(pdb, "spec"))
            .containsAnyOf(entry("minAvailable", 1), entry("maxUnavailable", 1));
      }
    }

    @Test
    void grafanaDashboardsShipAsALabelledConfigMapEqualToDeployGrafanaDashboards()
        throws IOException {
      Map<String, Object> cm = named(objects, "ConfigMap", RELEASE + "-grafana-dashboards");
      assertThat(mapAt(cm, "metadata.labels")).containsEntry("grafana_dashboard", "1");
      assertThat(at(cm, "metadata.namespace")).isEqualTo(NAMESPACE);

      Path dir = Repo.path("deploy/grafana/dashboards");
      Map<String, Object> data = mapAt(cm, "data");
      ObjectMapper json = new ObjectMapper();
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> dashboards = files.filter(f -> f.toString().endsWith(".json")).toList();
        assertThat(data.keySet())
            .containsExactlyInAnyOrderElementsOf(
                dashboards.stream().map(f -> f.getFileName().toString()).toList());
        for (Path f : dashboards) {
          JsonNode shipped = json.readTree((String) data.get(f.getFileName().toString()));
          assertThat(shipped).isEqualTo(json.readTree(Files.readString(f)));
        }
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithProductionValues {

    List<Map<String, Object>> objects;

    @BeforeAll
    void renderOnce() throws URISyntaxException {
      Path values =
          Path.of(
              Objects.requireNonNull(getClass().getResource("/values-production.yaml")).toURI());
      objects = render(c -> c.withValuesFile(values));
    }

    @Test
    void rendersTheOptionalObjects() {
      assertThat(ofKind(objects, "ServiceMonitor")).hasSize(1);
      assertThat(ofKind(objects, "PrometheusRule")).hasSize(1);
      assertThat(ofKind(objects, "NetworkPolicy")).hasSize(4);
      assertThat(ofKind(objects, "Ingress")).hasSize(1);
      assertThat(ofKind(objects, "KafkaTopic")).hasSize(5);
      assertThat(ofKind(objects, "HorizontalPodAutoscaler")).isEmpty();
      assertThat(ofKind(objects, "Secret")).isEmpty();
      assertThat(ofKind(objects, "ConfigMap"))
          .noneMatch(cm -> name(cm).endsWith("grafana-dashboards"));
    }

    @Test
    void serviceMonitorScrapesTheManagementPortOfEveryService() {
      Map<String, Object> sm = ofKind(objects, "ServiceMonitor").get(0);
      assertThat(mapAt(sm, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
      Map<String, Object> endpoint = map(listAt(sm, "spec.endpoints").get(0));
      assertThat(endpoint)
          .containsEntry("port", "management")
          .containsEntry("path", "/actuator/prometheus");
      Map<String, Object> selector = mapAt(sm, "spec.selector.matchLabels");
      List<Map<String, Object>> selected =
          ofKind(objects, "Service").stream()
              .filter(s -> mapAt(s, "metadata.labels").entrySet().containsAll(selector.entrySet()))
              .toList();
      assertThat(selected).hasSize(4);
      assertThat(selected)
          .allSatisfy(
              s ->
                  assertThat(listAt(s, "spec.ports"))
                      .anyMatch(p -> "management".equals(map(p).get("name"))));
    }

    @Test
    void prometheusRuleCarriesTheComposeAlertRules() {
      Map<String, Object> rule = ofKind(objects, "PrometheusRule").get(0);
      assertThat(mapAt(rule, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
      Object composeGroups = at(Repo.loadOne(Repo.path("deploy/prometheus/alerts.yml")), "groups");
      assertThat(at(rule, "spec.groups")).isEqualTo(composeGroups);
      // The alerts select services by the job label that the ServiceMonitor derives from
      // app.kubernetes.io/name, i.e. the service name.
      Map<String, Object> sm = ofKind(objects, "ServiceMonitor").get(0);
      assertThat(at(sm, "spec.jobLabel")).isEqualTo("app.kubernetes.io/name");
      assertThat(String.valueOf(composeGroups)).contains("ue-gateway|orchestrator-service");
    }

    @Test
    void imagesKafkaSecretAndReplicasFollowTheValues() {
      for (Repo.Service s : SERVICES) {
        Map<String, Object> d = named(objects, "Deployment", RELEASE + "-" + s.name());
        Map<String, Object> c = container(d);
        assertThat(c.get("image"))
            .isEqualTo("registry.example.com/edge/coinfer/" + s.name() + ":1.2.3");
        assertThat(env(c))
            .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "kafka-a:9093,kafka-b:9093")
            .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-a:9093,kafka-b:9093");
      }
      Map<String, Object> inference = named(objects, "Deployment", RELEASE + "-inference-service");
      assertThat(at(inference, "spec.replicas")).isEqualTo(3);
      Map<String, Object> gateway = named(objects, "Deployment", RELEASE + "-ue-gateway");
      assertThat(list(container(gateway).get("env")))
          .map(Repo::map)
          .filteredOn(e -> "COINFER_SECURITY_KEYS".equals(e.get("name")))
          .singleElement()
          .satisfies(
              e -> assertThat(at(e, "valueFrom.secretKeyRef.name")).isEqualTo("edge-jwt-keys"));
      assertThat(env(container(gateway))).containsEntry("EXTRA_SETTING", "on");
    }

    @Test
    void theModelStoreClaimIsMountedWhereModelsAreUsed() {
      for (Repo.Service s : SERVICES) {
        Map<String, Object> d = named(objects, "Deployment", RELEASE + "-" + s.name());
        boolean usesModels = Set.of("compression-service", "inference-service").contains(s.name());
        List<Object> claims =
            listAt(d, "spec.template.spec.volumes").stream()
                .filter(v -> map(v).containsKey("persistentVolumeClaim"))
                .toList();
        if (usesModels) {
          assertThat(claims)
              .singleElement()
              .satisfies(
                  v ->
                      assertThat(at(v, "persistentVolumeClaim.claimName"))
                          .isEqualTo("coinfer-models"));
          assertThat(env(container(d))).containsEntry("COINFER_HOME", "/var/lib/coinfer");
          assertThat(list(container(d).get("volumeMounts")))
              .anyMatch(m -> "/var/lib/coinfer".equals(map(m).get("mountPath")));
        } else {
          assertThat(claims).as(s.name()).isEmpty();
          assertThat(env(container(d))).doesNotContainKey("COINFER_HOME");
        }
      }
    }

    @Test
    void serviceConfigIsMergedOverTheChartsSettings() {
      Map<String, Object> app = applicationYaml(objects, "inference-service");
      assertThat(at(app, "coinfer.inference.batch.max-size")).isEqualTo(16);
      assertThat(at(app, "server.port")).isEqualTo(8083);
      assertThat(at(app, "management.server.port")).isEqualTo(9083);
    }

    @Test
    void networkPoliciesOpenOnlyTheGatewayToOutsideTraffic() {
      for (Map<String, Object> np : ofKind(objects, "NetworkPolicy")) {
        List<Object> rules = listAt(np, "spec.ingress");
        boolean httpFromAnywhere =
            rules.stream()
                .map(Repo::map)
                .anyMatch(
                    r ->
                        !r.containsKey("from")
                            && list(r.get("ports")).stream()
                                .anyMatch(p -> "http".equals(map(p).get("port"))));
        assertThat(httpFromAnywhere)
            .as(name(np))
            .isEqualTo(name(np).equals(RELEASE + "-ue-gateway"));
      }
    }

    @Test
    void strimziTopicsKeepUeStateCompacted() {
      Map<String, Object> ueState = named(objects, "KafkaTopic", "coinfer.ue-state");
      assertThat(mapAt(ueState, "metadata.labels"))
          .containsEntry("strimzi.io/cluster", "edge-kafka");
      assertThat(at(ueState, "spec.config"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("cleanup.policy", "compact");
      assertThat(ofKind(objects, "KafkaTopic"))
          .map(t -> at(t, "spec.topicName"))
          .containsExactlyInAnyOrder(
              "coinfer.ue-state",
              "coinfer.decisions",
              "coinfer.jobs",
              "coinfer.features",
              "coinfer.results");
    }

    @Test
    void ingressRoutesOnlyTheApiToTheGateway() {
      Map<String, Object> ingress = ofKind(objects, "Ingress").get(0);
      Map<String, Object> path =
          map(listAt(map(listAt(ingress, "spec.rules").get(0)), "http.paths").get(0));
      assertThat(path.get("path")).isEqualTo("/api");
      assertThat(at(path, "backend.service.name")).isEqualTo(RELEASE + "-ue-gateway");
      assertThat(at(path, "backend.service.port.name")).isEqualTo("http");
    }
  }

  @Test
  void rendersOnTheOldestSupportedKubernetesAndRefusesOlder() {
    assertThat(ofKind(render(c -> c.withKubeVersion("1.25.0")), "Deployment")).hasSize(4);
    assertThatThrownBy(() -> render(c -> c.withKubeVersion("1.24.9")))
        .hasMessageContaining("kubeVersion");
  }

  @Test
  void anEmptyKafkaBootstrapServersIsRejected() {
    assertThatThrownBy(() -> render(c -> c.set("kafka.bootstrapServers", "")))
        .hasMessageContaining("kafka.bootstrapServers is required");
  }

  @Test
  void theSchemaRejectsAWrongType() {
    assertThatThrownBy(
            () -> render(c -> c.set("services.inferenceService.autoscaling.maxReplicas", "many")))
        .hasMessageContaining("maxReplicas");
  }

  @Test
  void theSchemaRejectsAMistypedValue() {
    assertThatThrownBy(() -> render(c -> c.set("serviceMonitr.enabled", "true")))
        .hasMessageContaining("serviceMonitr");
    assertThatThrownBy(() -> render(c -> c.set("services.ueGateway.replica", "3")))
        .hasMessageContaining("replica");
  }

  static String name(Map<String, Object> object) {
    return (String) at(object, "metadata.name");
  }

  static Map.Entry<String, Object> entry(String key, Object value) {
    return Map.entry(key, value);
  }

  static Map<String, Object> applicationYaml(List<Map<String, Object>> objects, String service) {
    Map<String, Object> cm = named(objects, "ConfigMap", RELEASE + "-" + service + "-config");
    assertThat(mapAt(cm, "data")).containsOnlyKeys(service + ".yml");
    Map<String, Object> d = named(objects, "Deployment", RELEASE + "-" + service);
    assertThat(env(container(d)))
        .containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION", "file:/config/" + service + ".yml");
    return Repo.loadAll((String) mapAt(cm, "data").get(service + ".yml")).get(0);
  }
}
