package io.coinfer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Spring settings that docker-compose.yml and the Helm chart pass to the services (environment
 * variables and the ConfigMaps' keys) are real properties, per the configuration metadata of Spring
 * Boot, Spring Cloud Stream and its Kafka binder, matched as Spring's relaxed binding matches them.
 * The services' own {@code coinfer.*} settings are checked by {@link ServiceSettingsTest}.
 */
class SpringPropertiesTest {

  /** Canonical names of the known properties; map-typed ones also as prefixes. */
  static final Set<String> PROPERTIES = new HashSet<>();

  static final Set<String> MAP_PROPERTIES = new HashSet<>();

  /**
   * The properties in environment-variable form (spring.kafka.bootstrap-servers ->
   * SPRING_KAFKA_BOOTSTRAP_SERVERS).
   */
  static final Set<String> VARIABLES = new HashSet<>();

  static final Set<String> MAP_VARIABLES = new HashSet<>();

  @BeforeAll
  static void loadMetadata() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Enumeration<URL> files =
        SpringPropertiesTest.class
            .getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json");
    int count = 0;
    while (files.hasMoreElements()) {
      try (InputStream in = files.nextElement().openStream()) {
        for (JsonNode p : json.readTree(in).path("properties")) {
          String name = p.get("name").asString();
          boolean map = p.path("type").asString("").startsWith("java.util.Map");
          PROPERTIES.add(canonical(name));
          VARIABLES.add(variable(name));
          if (map) {
            MAP_PROPERTIES.add(canonical(name));
            MAP_VARIABLES.add(variable(name));
          }
        }
      }
      count++;
    }
    assertThat(count).as("metadata files on the test class path").isGreaterThanOrEqualTo(5);
  }

  /** Spring's canonical form: lower case, no dashes. */
  static String canonical(String property) {
    return property.toLowerCase().replace("-", "");
  }

  /** The environment variable of a property, as Spring's relaxed binding maps it. */
  static String variable(String property) {
    return property.toUpperCase().replace('.', '_').replace("-", "_");
  }

  /** Whether an environment variable binds to a known property. */
  static boolean knownVariable(String variable) {
    return VARIABLES.contains(variable)
        || MAP_VARIABLES.stream().anyMatch(m -> variable.startsWith(m + "_"));
  }

  static boolean known(String property) {
    String c = canonical(property);
    if (PROPERTIES.contains(c)) {
      return true;
    }
    return MAP_PROPERTIES.stream().anyMatch(m -> c.startsWith(m + "."));
  }

  static boolean springVariable(String name) {
    return name.startsWith("SPRING_")
        || name.startsWith("MANAGEMENT_")
        || name.startsWith("SERVER_");
  }

  static void flatten(String prefix, Object node, List<String> keys) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, keys));
    } else {
      keys.add(prefix);
    }
  }

  @Test
  void theMetadataKnowsWhatItShould() {
    assertThat(known("server.port")).isTrue();
    assertThat(known("spring.cloud.stream.kafka.binder.brokers")).isTrue();
    assertThat(known("management.metrics.tags.application")).isTrue();
    assertThat(known("server.prot")).isFalse();
    assertThat(knownVariable("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
    assertThat(knownVariable("MANAGEMENT_METRICS_TAGS_APPLICATION")).isTrue();
    assertThat(knownVariable("SPRING_KAFKA_BOOTSTRAP_SERVER")).isFalse();
  }

  @Test
  void composeEnvironmentBindsToRealProperties() {
    List<String> unknown = new ArrayList<>();
    for (Repo.Service s : Repo.SERVICES) {
      for (String variable : ComposeFileTest.environment(s.name()).keySet()) {
        if (springVariable(variable) && !knownVariable(variable)) {
          unknown.add(s.name() + ": " + variable);
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void chartEnvironmentAndConfigMapsBindToRealProperties() {
    List<Map<String, Object>> objects = HelmChartTest.render(c -> c);
    Set<String> unknown = new TreeSet<>();
    for (Map<String, Object> d : HelmChartTest.ofKind(objects, "Deployment")) {
      for (String variable : HelmChartTest.env(HelmChartTest.container(d)).keySet()) {
        if (springVariable(variable) && !knownVariable(variable)) {
          unknown.add(variable);
        }
      }
    }
    for (Repo.Service s : Repo.SERVICES) {
      List<String> keys = new ArrayList<>();
      flatten("", HelmChartTest.applicationYaml(objects, s.name()), keys);
      assertThat(keys).isNotEmpty();
      keys.stream().filter(k -> !known(k)).forEach(unknown::add);
    }
    assertThat(unknown).isEmpty();
  }
}
