package io.coinfer.inference.feature;

import io.coinfer.contracts.events.FailureReason;

/**
 * A feature the service will not run: its job fails with {@link #reason()} and the message goes to
 * the dead-letter topic. Never retried.
 */
public class RejectedFeatureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final FailureReason reason;

  /**
   * A rejection.
   *
   * @param reason the failure reason of the job
   * @param detail what exactly was wrong
   */
  public RejectedFeatureException(FailureReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  /**
   * Why the feature was rejected.
   *
   * @return the job's failure reason
   */
  public FailureReason reason() {
    return reason;
  }
}
