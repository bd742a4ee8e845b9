package io.coinfer.contracts.events;

/** Where a job stands. */
public enum JobStatus {
  /** Accepted, no terminal result yet. */
  PENDING,
  /** Finished with a classification. */
  DONE,
  /** Finished without one; the result names the reason. */
  FAILED
}
