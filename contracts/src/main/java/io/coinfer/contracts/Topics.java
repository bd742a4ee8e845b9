package io.coinfer.contracts;

/**
 * The Kafka topics of the platform and their keys.
 *
 * <p>Every topic carries JSON events of {@link io.coinfer.contracts.events}; every consumer has its
 * own dead-letter topic named {@code <topic>.dlt.<consumer>} where the Kafka binder puts a record
 * that its consumer rejected.
 */
public final class Topics {

  /** Latest state of every UE, compacted, key UE id; a tombstone (null value) deregisters. */
  public static final String UE_STATE = "coinfer.ue-state";

  /**
   * The orchestrator's decisions, key UE id: a UE's decision when it changes, and an unchanged one
   * again every {@code coinfer.orchestrator.slot.heartbeat-slots} slots.
   */
  public static final String DECISIONS = "coinfer.decisions";

  /** Raw-image jobs, key UE id. */
  public static final String JOBS = "coinfer.jobs";

  /** Compressed features (or raw images at point 0) with UE-side accounting, key UE id. */
  public static final String FEATURES = "coinfer.features";

  /** Terminal results of jobs (done or failed), key job id. */
  public static final String RESULTS = "coinfer.results";

  private Topics() {}

  /**
   * The dead-letter topic of one consumer of a topic.
   *
   * @param topic the consumed topic, e.g. {@link #FEATURES}
   * @param consumer the consumer's short name, e.g. {@code inference}
   * @return {@code <topic>.dlt.<consumer>}, e.g. {@code coinfer.features.dlt.inference}
   */
  public static String deadLetter(String topic, String consumer) {
    return topic + ".dlt." + consumer;
  }
}
