package io.coinfer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.gateway.config.GatewaySettings;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TokenServiceTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void shouldBindATokenToItsUeAndRejectTamperingExpiryAndOtherKeys() {
    // Given a gateway with a fixed key and one with a random key
    TokenService gateway = tokens(KEY, Duration.ofHours(1));
    TokenService other = tokens("", Duration.ofHours(1));

    // When a token is issued for ue-1
    String token = gateway.issue("ue-1");

    // Then it verifies as ue-1 here, and not when altered or checked with another key
    assertThat(gateway.verify(token)).contains("ue-1");
    assertThat(gateway.verify(token.substring(0, token.length() - 2) + "xx")).isEmpty();
    assertThat(gateway.verify("not-a-jwt")).isEmpty();
    assertThat(other.verify(token)).isEmpty();
    // and an expired token (zero lifetime) is refused
    TokenService expiring = tokens(KEY, Duration.ZERO);
    assertThat(expiring.verify(expiring.issue("ue-1"))).isEmpty();
  }

  @Test
  void shouldRefuseAKeyShorterThan256Bits() {
    // When / Then a 16-byte key is refused at start
    assertThatThrownBy(
            () -> tokens(Base64.getEncoder().encodeToString(new byte[16]), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  private static TokenService tokens(String secret, Duration ttl) {
    return new TokenService(
        new GatewaySettings(
            new GatewaySettings.Tokens(secret, ttl),
            new GatewaySettings.Jobs(
                DataSize.ofMegabytes(2),
                1L << 24,
                Duration.ofSeconds(30),
                1000,
                100,
                Duration.ofSeconds(1),
                Duration.ofSeconds(15)),
            new GatewaySettings.Ues(List.of("resnet18"), List.of("jetson-nano"))));
  }
}
