package io.coinfer.contracts.security;

import io.coinfer.contracts.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The guard of an internal service's REST API (orchestrator, compression, inference): every handler
 * needs a valid service or admin token (none or an invalid one: 401; a UE's token: 403), and a
 * handler marked {@link AdminOnly} an admin token (a service token: 403). The errors are RFC 9457
 * problem details.
 */
public final class InternalApiGuard implements HandlerInterceptor {

  private final Tokens tokens;

  /**
   * A guard over the platform's tokens.
   *
   * @param tokens the tokens
   */
  public InternalApiGuard(Tokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Caller caller = tokens.caller(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (caller.role() == Role.UE) {
      throw Problems.forbidden("a UE token is valid at the gateway only; this is an internal API");
    }
    if (method.hasMethodAnnotation(AdminOnly.class) && caller.role() != Role.ADMIN) {
      throw Problems.forbidden("this is an admin operation: an admin token is required");
    }
    return true;
  }
}
