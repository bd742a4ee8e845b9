package io.coinfer.gateway.config;

/** The gateway's output bindings (their destinations are set in {@code ue-gateway.yml}). */
public final class KafkaBindings {

  /** To {@code coinfer.ue-state}, compacted, key UE id. */
  public static final String UE_STATE_OUT = "ueState-out-0";

  /** To {@code coinfer.jobs}, key UE id, sent synchronously before the client gets its 202. */
  public static final String JOBS_OUT = "jobs-out-0";

  /** To {@code coinfer.features}, key UE id, sent synchronously. */
  public static final String FEATURES_OUT = "features-out-0";

  private KafkaBindings() {}
}
