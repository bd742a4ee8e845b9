package io.coinfer.gateway.security;

import io.coinfer.contracts.security.Caller;
import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.Tokens;
import io.coinfer.contracts.web.Problems;
import org.springframework.stereotype.Component;

/**
 * Finds who a request acts for from its bearer token: a missing or invalid token is 401 ({@link
 * Tokens#caller}). A UE's own calls need a UE token ({@link io.coinfer.gateway.ue.UeRegistry#owned}
 * then answers 404 and 403); an admin operation needs an admin token.
 */
@Component
public class UeAuthorizer {

  private final Tokens tokens;

  /**
   * An authorizer over the platform's tokens.
   *
   * @param tokens the tokens
   */
  public UeAuthorizer(Tokens tokens) {
    this.tokens = tokens;
  }

  /**
   * The UE the caller's token is bound to.
   *
   * @param authorization the {@code Authorization} header, or null
   * @return the UE id of the token
   * @throws org.springframework.web.ErrorResponseException 401 if there is no valid bearer token,
   *     403 if it is not a UE's token
   */
  public String caller(String authorization) {
    Caller caller = tokens.caller(authorization);
    if (caller.role() != Role.UE) {
      throw Problems.forbidden("a UE's token is required, not a " + caller.role().claim() + " one");
    }
    return caller.subject();
  }

  /**
   * Checks that the caller is an admin.
   *
   * @param authorization the {@code Authorization} header, or null
   * @param operation what the caller wants to do, for the 403 detail
   * @throws org.springframework.web.ErrorResponseException 401 if there is no valid bearer token,
   *     403 if it is not an admin token
   */
  public void admin(String authorization, String operation) {
    if (tokens.caller(authorization).role() != Role.ADMIN) {
      throw Problems.forbidden(operation + " is an admin operation: an admin token is required");
    }
  }
}
