package io.coinfer.contracts.messaging;

/**
 * A message that cannot be read as the event it should be: not JSON, a wrong schema version, or a
 * field that breaks its constraint. Never retried: the binder sends it to the dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An invalid event.
   *
   * @param message what is wrong
   * @param cause the parser's exception, or null
   */
  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
