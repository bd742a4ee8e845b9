package io.coinfer.contracts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class TokensTest {

  private static final String OLD = SigningKeys.newEntry("2026-10");
  private static final String NEW = SigningKeys.newEntry("2026-11");
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private static Tokens tokens(String issuer, Instant now, String... keys) {
    return new Tokens(SigningKeys.of(List.of(keys)), issuer, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void shouldCarryKidSubjectRoleIssuerAndTimesAndVerifyAsItsCaller() throws Exception {
    // Given tokens whose active key is 2026-11
    Tokens tokens = tokens("coinfer", NOW, NEW, OLD);

    // When an admin token is issued for 10 minutes
    String token = tokens.issue("operator", Role.ADMIN, Duration.ofMinutes(10));

    // Then its header names the active key and its claims are the documented ones
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("2026-11");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("coinfer");
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("operator");
    assertThat(jwt.getJWTClaimsSet().getClaim("role")).isEqualTo("admin");
    assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isEqualTo(NOW.plusSeconds(600));
    assertThat(tokens.verify(token)).isEqualTo(new Caller("operator", Role.ADMIN));
  }

  @Test
  void shouldVerifyTokensOfTheOlderKeyUntilItIsRemovedFromTheSet() {
    // Given a token signed before the rotation, when 2026-10 was the active key
    String beforeRotation = tokens("coinfer", NOW, OLD).issue("ue-1", Role.UE, Duration.ofHours(1));

    // When 2026-11 is put first (rotation), Then the old token still verifies and new ones use
    // 2026-11
    Tokens rotated = tokens("coinfer", NOW, NEW, OLD);
    assertThat(rotated.verify(beforeRotation)).isEqualTo(new Caller("ue-1", Role.UE));
    assertThat(rotated.issue("ue-2", Role.UE, Duration.ofHours(1))).isNotNull();

    // When 2026-10 is removed, Then its token is refused as signed with an unknown key
    Tokens retired = tokens("coinfer", NOW, NEW);
    assertThatThrownBy(() -> retired.verify(beforeRotation))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("signing key is unknown");
  }

  @Test
  void shouldRefuseExpiredForgedForeignAndMalformedTokensSayingWhy() {
    Tokens tokens = tokens("coinfer", NOW, NEW);
    String valid = tokens.issue("ue-1", Role.UE, Duration.ofMinutes(5));

    // expired: the same token five minutes later
    assertThatThrownBy(() -> tokens("coinfer", NOW.plusSeconds(300), NEW).verify(valid))
        .hasMessageContaining("expired");
    // wrong signature: another key under the same kid
    String impostor = SigningKeys.newEntry("2026-11");
    assertThatThrownBy(
            () ->
                tokens("coinfer", NOW, NEW)
                    .verify(
                        tokens("coinfer", NOW, impostor)
                            .issue("ue-1", Role.ADMIN, Duration.ofMinutes(5))))
        .hasMessageContaining("signature does not match");
    // a tampered payload (the role changed to admin) keeps the old signature
    String[] parts = valid.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("\"ue\"", "\"admin\"").getBytes())
            + "."
            + parts[2];
    assertThatThrownBy(() -> tokens.verify(forged))
        .hasMessageContaining("signature does not match");
    // wrong issuer: signed with the same key by a platform with another issuer
    assertThatThrownBy(
            () ->
                tokens.verify(
                    tokens("elsewhere", NOW, NEW).issue("ue-1", Role.UE, Duration.ofMinutes(5))))
        .hasMessageContaining("another issuer");
    // unknown kid, malformed
    assertThatThrownBy(
            () ->
                tokens.verify(
                    tokens("coinfer", NOW, OLD).issue("ue-1", Role.UE, Duration.ofMinutes(5))))
        .hasMessageContaining("signing key is unknown");
    assertThatThrownBy(() -> tokens.verify("not-a-jwt")).hasMessageContaining("not a signed JWT");
  }

  @Test
  void shouldAnswerAMissingOrRefusedBearerTokenWith401() {
    Tokens tokens = tokens("coinfer", NOW, NEW);
    assertThatThrownBy(() -> tokens.caller(null))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(401);
              assertThat(e.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
            });
    assertThatThrownBy(() -> tokens.caller("Bearer nope"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getBody().getDetail()).contains("refused", "not a signed JWT"));
    String token = tokens.issue("svc", Role.SERVICE, Duration.ofMinutes(1));
    assertThat(tokens.caller("bearer " + token)).isEqualTo(new Caller("svc", Role.SERVICE));
  }

  @Test
  void shouldRefuseBadKeySettingsAtStartAndDrawARandomKeyWhenNoneIsSet() {
    assertThatThrownBy(
            () -> SigningKeys.of(List.of("k1:" + Base64.getEncoder().encodeToString(new byte[16]))))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(
            () -> SigningKeys.of(List.of(Base64.getEncoder().encodeToString(new byte[32]))))
        .hasMessageContaining("<kid>:<base64 key>");
    assertThatThrownBy(() -> SigningKeys.of(List.of(NEW, NEW))).hasMessageContaining("twice");
    assertThatThrownBy(() -> SigningKeys.of(List.of("k 1:abc"))).hasMessageContaining("key id");
    // no keys: one random key per set, so two such sets do not accept each other's tokens
    SigningKeys a = SigningKeys.of(List.of());
    SigningKeys b = SigningKeys.of(List.of());
    assertThat(a.kids()).singleElement().asString().startsWith("random-");
    String token =
        new Tokens(a, "coinfer", Clock.systemUTC()).issue("x", Role.ADMIN, Duration.ofMinutes(1));
    assertThatThrownBy(() -> new Tokens(b, "coinfer", Clock.systemUTC()).verify(token))
        .isInstanceOf(InvalidTokenException.class);
    // the setting form round-trips and never shows in toString
    assertThat(SigningKeys.of(List.of(a.toSetting().split(","))).kids()).isEqualTo(a.kids());
    assertThat(a.toString())
        .doesNotContain(a.toSetting().substring(a.toSetting().indexOf(':') + 1));
  }
}
