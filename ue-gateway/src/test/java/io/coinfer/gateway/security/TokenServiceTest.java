package io.coinfer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.contracts.security.Caller;
import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.SigningKeys;
import io.coinfer.contracts.security.Tokens;
import io.coinfer.gateway.config.GatewaySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.ErrorResponseException;

class TokenServiceTest {

  private final Tokens tokens =
      new Tokens(SigningKeys.of(List.of(SigningKeys.newEntry("k1"))), "coinfer", Clock.systemUTC());

  @Test
  void shouldIssueUeTokensThatOnlyActForTheirUeAndAreNoAdminTokens() {
    // Given the gateway's token service and authorizer with a one-hour UE token lifetime
    TokenService service = new TokenService(tokens, settings("1h"));
    UeAuthorizer authorizer = new UeAuthorizer(tokens);

    // When a token is issued for ue-1
    String token = service.issue("ue-1");

    // Then it is a UE token of ue-1, accepted as ue-1's caller and refused as an admin (403)
    assertThat(tokens.verify(token)).isEqualTo(new Caller("ue-1", Role.UE));
    assertThat(authorizer.caller("Bearer " + token)).isEqualTo("ue-1");
    assertThatThrownBy(() -> authorizer.admin("Bearer " + token, "deregistering a UE"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(403);
              assertThat(e.getBody().getDetail()).contains("admin operation");
            });
    // and an admin token passes the admin check but is not a UE's token
    String admin = tokens.issue("operator", Role.ADMIN, Duration.ofMinutes(5));
    authorizer.admin("Bearer " + admin, "deregistering a UE");
    assertThatThrownBy(() -> authorizer.caller("Bearer " + admin))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    // and no token, or a token of a zero lifetime, is 401
    assertThatThrownBy(() -> authorizer.caller(null))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(401));
    String expired = new TokenService(tokens, settings("0s")).issue("ue-1");
    assertThatThrownBy(() -> authorizer.caller("Bearer " + expired))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getBody().getDetail()).contains("expired"));
  }

  private static GatewaySettings settings(String ttl) {
    return new Binder(new MapConfigurationPropertySource(Map.of("coinfer.gateway.tokens.ttl", ttl)))
        .bindOrCreate("coinfer.gateway", GatewaySettings.class);
  }
}
