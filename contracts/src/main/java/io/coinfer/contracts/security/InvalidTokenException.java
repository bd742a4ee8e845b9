package io.coinfer.contracts.security;

/** A token that does not verify; the message says why (malformed, expired, unknown key, ...). */
public class InvalidTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An invalid token.
   *
   * @param reason why it is refused
   */
  public InvalidTokenException(String reason) {
    super(reason);
  }
}
