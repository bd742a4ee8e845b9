package io.coinfer.simulator.gateway;

import java.time.Duration;
import java.util.Optional;

/** The gateway answered with an error status (its RFC 9457 problem detail in the message). */
public final class GatewayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer. */
  private final int status;

  /** The answer's {@code Retry-After}, or null when it had none. */
  private final Duration retryAfter;

  /**
   * @param status the HTTP status
   * @param retryAfter the answer's {@code Retry-After}, or null
   * @param message what was asked and what the gateway said
   */
  public GatewayException(int status, Duration retryAfter, String message) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /**
   * @return the HTTP status of the answer
   */
  public int status() {
    return status;
  }

  /**
   * @return how long the gateway asked the client to wait before it tries again (429, 503)
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
