package io.coinfer.gateway.security;

import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.Tokens;
import io.coinfer.gateway.config.GatewaySettings;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Issues the bearer tokens of UEs: the platform's signed tokens ({@link Tokens}) with role {@code
 * ue}, the UE id as subject and an expiry of {@link GatewaySettings.Tokens#ttl()}.
 */
@Service
public class TokenService {

  private final Tokens tokens;
  private final Duration ttl;

  /**
   * A token service over the platform's tokens.
   *
   * @param tokens the platform's tokens (signing keys and issuer)
   * @param settings the gateway settings
   */
  public TokenService(Tokens tokens, GatewaySettings settings) {
    this.tokens = tokens;
    this.ttl = settings.tokens().ttl();
  }

  /**
   * A token bound to a UE.
   *
   * @param ueId the UE id
   * @return the serialised JWT
   */
  public String issue(String ueId) {
    return tokens.issue(ueId, Role.UE, ttl);
  }
}
