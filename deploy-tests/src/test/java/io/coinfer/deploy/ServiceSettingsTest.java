package io.coinfer.deploy;

import static io.coinfer.deploy.Repo.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The services' own settings (their {@code <service>.yml} and settings records) against what the
 * deployment files assume: the ports that compose, Prometheus and the chart use (those tests check
 * them against {@link Repo#SERVICES}), and that the environment variables they set bind to real
 * properties.
 */
class ServiceSettingsTest {

  static final java.util.List<Repo.Service> SERVICES = Repo.SERVICES;

  static Map<String, Object> ownSettings(Repo.Service s) {
    Path yml = Repo.path(s.name() + "/src/main/resources/" + s.name() + ".yml");
    Assumptions.assumeTrue(Files.isRegularFile(yml), () -> yml + " is not written yet");
    return Repo.loadAll(Repo.read(yml)).get(0);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("SERVICES")
  void portsAreTheOnesTheDeploymentFilesUse(Repo.Service s) {
    Map<String, Object> settings = ownSettings(s);
    assertThat(at(settings, "server.port")).as("server.port").isEqualTo(s.port());
    assertThat(at(settings, "management.server.port"))
        .as("management.server.port")
        .isEqualTo(s.managementPort());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("SERVICES")
  void importsTheSharedKafkaAndManagementSettings(Repo.Service s) {
    Map<String, Object> settings = ownSettings(s);
    assertThat(String.valueOf(at(settings, "spring.config.import")))
        .contains("classpath:coinfer-kafka.yml");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("SERVICES")
  void holdsNoSigningKeyForTheJarOrTheImage(Repo.Service s) {
    // the keys come from COINFER_SECURITY_KEYS at run time; neither the service's own settings
    // nor the shared ones (both inside the jar, so inside the image) name any
    assertThat(at(ownSettings(s), "coinfer.security.keys")).isNull();
    assertThat(
            at(
                Repo.loadOne(Repo.path("contracts/src/main/resources/coinfer-kafka.yml")),
                "coinfer.security.keys"))
        .isNull();
  }

  @Test
  void sharedSettingsExposeOnlyHealthInfoPrometheusAndTakeTheBrokersFromOneProperty() {
    Map<String, Object> shared =
        Repo.loadOne(Repo.path("contracts/src/main/resources/coinfer-kafka.yml"));
    assertThat(at(shared, "management.endpoints.web.exposure.include"))
        .isEqualTo("health,info,prometheus");
    assertThat(at(shared, "management.endpoint.health.probes.enabled")).isEqualTo(true);
    // COINFER_KAFKA_BOOTSTRAPSERVERS (compose, chart) binds coinfer.kafka.bootstrap-servers,
    // which the binder's brokers follow; SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS sets them too.
    assertThat(at(shared, "coinfer.kafka.bootstrap-servers")).isNotNull();
    assertThat(at(shared, "spring.cloud.stream.kafka.binder.brokers"))
        .isEqualTo("${coinfer.kafka.bootstrap-servers}");
  }

  @Test
  void theSigningKeyVariableBindsToTheSharedSecuritySetting() {
    Path settings =
        Repo.path("contracts/src/main/java/io/coinfer/contracts/security/SecuritySettings.java");
    String source = Repo.read(settings);
    // COINFER_SECURITY_KEYS (compose, chart) -> coinfer.security.keys, a comma-separated list
    assertThat(source)
        .contains("@ConfigurationProperties(\"coinfer.security\")")
        .containsPattern("List<String>\\s+keys");
    // and no service has a key setting of its own any more
    assertThat(
            Repo.read(
                Repo.path(
                    "ue-gateway/src/main/java/io/coinfer/gateway/config/GatewaySettings.java")))
        .doesNotContain("String secret");
  }
}
