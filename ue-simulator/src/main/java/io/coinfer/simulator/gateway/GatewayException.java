package io.coinfer.simulator.gateway;

/** The gateway answered with an error status (its RFC 9457 problem detail in the message). */
public final class GatewayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer. */
  private final int status;

  /**
   * @param status the HTTP status
   * @param message what was asked and what the gateway said
   */
  public GatewayException(int status, String message) {
    super(message);
    this.status = status;
  }

  /**
   * @return the HTTP status of the answer
   */
  public int status() {
    return status;
  }
}
