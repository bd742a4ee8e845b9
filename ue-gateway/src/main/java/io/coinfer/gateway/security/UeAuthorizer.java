package io.coinfer.gateway.security;

import io.coinfer.contracts.web.Problems;
import org.springframework.stereotype.Component;

/**
 * Finds the UE a request acts for from its bearer token: a missing or invalid token is 401. {@link
 * io.coinfer.gateway.ue.UeRegistry#owned} then answers 404 and 403.
 */
@Component
public class UeAuthorizer {

  private static final String BEARER = "Bearer ";

  private final TokenService tokens;

  /**
   * An authorizer over the gateway's tokens.
   *
   * @param tokens the token service
   */
  public UeAuthorizer(TokenService tokens) {
    this.tokens = tokens;
  }

  /**
   * The UE the caller's token is bound to.
   *
   * @param authorization the {@code Authorization} header, or null
   * @return the UE id of the token
   * @throws org.springframework.web.ErrorResponseException 401 if there is no valid bearer token
   */
  public String caller(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, 7)) {
      throw Problems.unauthorized("a bearer token is required");
    }
    return tokens
        .verify(authorization.substring(BEARER.length()).trim())
        .orElseThrow(() -> Problems.unauthorized("the bearer token is invalid or expired"));
  }
}
