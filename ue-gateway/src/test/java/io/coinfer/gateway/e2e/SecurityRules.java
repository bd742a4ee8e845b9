package io.coinfer.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.SigningKeys;
import io.coinfer.contracts.security.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 7's security rules, checked against the four running services: who may call what (401 and
 * 403 as problem details), the JSON body limit, and the actuator's endpoints on the management port
 * only.
 */
final class SecurityRules {

  private static final byte[] BIG_JSON =
      ("{\"spec\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

  private final Platform platform;
  private final ConfigurableApplicationContext gateway;
  private final ConfigurableApplicationContext orchestrator;
  private final ConfigurableApplicationContext compression;
  private final List<ConfigurableApplicationContext> all;

  private SecurityRules(Platform platform, List<ConfigurableApplicationContext> services) {
    this.platform = platform;
    this.gateway = services.get(0);
    this.orchestrator = services.get(1);
    this.compression = services.get(2);
    this.all = services;
  }

  /**
   * Checks every rule.
   *
   * @param platform the running platform
   * @param ue a registered UE
   * @param services the contexts of ue-gateway, orchestrator-service, compression-service and
   *     inference-service, in this order
   */
  static void check(
      Platform platform, UeRegistration ue, List<ConfigurableApplicationContext> services) {
    SecurityRules rules = new SecurityRules(platform, services);
    rules.internalApisAdmitOnlyServiceAndAdminTokens(ue);
    rules.jsonBodiesAreCapped(ue);
    rules.actuatorShowsOnlyHealthInfoAndPrometheusOnTheManagementPort();
  }

  private void internalApisAdmitOnlyServiceAndAdminTokens(UeRegistration ue) {
    String service = platform.tokens.issue("e2e-service", Role.SERVICE, Duration.ofMinutes(5));
    String foreign =
        new Tokens(
                SigningKeys.of(List.of(SigningKeys.newEntry("e2e"))), "coinfer", Clock.systemUTC())
            .issue("e2e-operator", Role.ADMIN, Duration.ofMinutes(5));
    String expired = platform.tokens.issue("e2e-operator", Role.ADMIN, Duration.ZERO);
    String policy = Platform.url(orchestrator, "/api/v1/policy");
    String codecs = Platform.url(compression, "/api/v1/codecs");
    for (String read : List.of(policy, codecs)) {
      // no token, a token of another key set, an expired one: 401
      assertProblem(platform.get(read, null), 401, "a bearer token is required");
      assertProblem(platform.get(read, foreign), 401, "signature does not match");
      assertProblem(platform.get(read, expired), 401, "expired");
      // a UE's token is for the gateway only: 403
      assertProblem(platform.get(read, ue.token()), 403, "gateway only");
      // a service token reads
      assertThat(platform.get(read, service).statusCode()).isEqualTo(200);
    }
    // the admin operations take an admin token only
    String admin = "an admin token is required";
    assertProblem(platform.putJson(policy, "{\"spec\":\"local\"}", service), 403, admin);
    assertProblem(
        platform.post(
            Platform.url(compression, "/api/v1/codecs/training"),
            "application/json",
            "{\"net\":\"resnet18\",\"point\":1}".getBytes(StandardCharsets.UTF_8),
            service),
        403,
        admin);
    assertProblem(
        platform.post(
            Platform.url(compression, "/api/v1/models"),
            "application/zip",
            new byte[] {1},
            service),
        403,
        admin);
    // and the gateway's UE calls take a UE's token, not an admin's
    assertProblem(
        platform.get(Platform.url(gateway, "/api/v1/ues/" + ue.ue().ueId()), platform.adminToken),
        403,
        "a UE's token is required");
    // the API documents stay readable without a token
    assertThat(platform.get(Platform.url(compression, "/v3/api-docs"), null).statusCode())
        .isEqualTo(200);
  }

  private void jsonBodiesAreCapped(UeRegistration ue) {
    String limit = "a JSON body may have at most 65536 bytes";
    assertProblem(
        platform.putJson(
            Platform.url(orchestrator, "/api/v1/policy"),
            new String(BIG_JSON, StandardCharsets.UTF_8),
            platform.adminToken),
        413,
        limit);
    assertProblem(
        platform.post(
            Platform.url(compression, "/api/v1/codecs/training"),
            "application/json",
            BIG_JSON,
            platform.adminToken),
        413,
        limit);
    assertProblem(
        platform.post(Platform.url(gateway, "/api/v1/ues"), "application/json", BIG_JSON, null),
        413,
        limit);
    assertProblem(
        platform.post(
            Platform.url(gateway, "/api/v1/ues/" + ue.ue().ueId() + "/state"),
            "application/merge-patch+json",
            BIG_JSON,
            ue.token()),
        413,
        limit);
  }

  private void actuatorShowsOnlyHealthInfoAndPrometheusOnTheManagementPort() {
    for (ConfigurableApplicationContext context : all) {
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (String shown : List.of("health", "info", "prometheus")) {
        expected.put(Platform.url(context, "/actuator/" + shown), 404);
        expected.put(Platform.managementUrl(context, "/actuator/" + shown), 200);
      }
      for (String hidden :
          List.of("env", "beans", "configprops", "loggers", "heapdump", "metrics")) {
        expected.put(Platform.managementUrl(context, "/actuator/" + hidden), 404);
      }
      String service = context.getEnvironment().getProperty("spring.application.name");
      expected.forEach(
          (url, status) ->
              assertThat(platform.get(url, null).statusCode())
                  .as("%s %s", service, url)
                  .isEqualTo(status));
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status).contains(detail);
  }
}
