package io.coinfer.contracts.events;

/** Why a decision came from the policy it names. */
public enum DecisionSource {
  /** The active policy decided (with its per-UE or its parameter-shared actor). */
  POLICY,
  /**
   * The active policy decided, but its power was above pmax and was clamped to pmax ({@link
   * DecisionEvent#corrections()} says so).
   */
  POLICY_CLAMPED,
  /**
   * The active policy's action for this UE broke a rule (point outside 0..5, unknown sub-channel,
   * power not positive or not finite) or the policy failed for the group, so the fallback policy
   * decided; {@link DecisionEvent#corrections()} names the rules.
   */
  FALLBACK_INVALID_ACTION,
  /** The UE had no fresh state report, so the fallback policy decided. */
  FALLBACK_STALE_STATE,
  /**
   * compression-service had no decision for the UE newer than its keep window ({@code
   * coinfer.compression.decisions.keep-slots} slots: the orchestrator is down or late, or has not
   * decided for the UE yet), so it ran the job with the paper's initial action (point 5, all on the
   * UE), policy {@code initial}.
   */
  FALLBACK_STALE_DECISION,
  /**
   * The active policy cannot serve a fleet of this size (a checkpoint with one actor per UE serves
   * exactly the fleet size it was trained for; a parameter-shared one up to its maximum), so the
   * fallback policy decided.
   */
  FALLBACK_FLEET_UNSUPPORTED;

  /**
   * Whether the fallback policy decided (rather than the active one, as decided or clamped).
   *
   * @return true for every {@code FALLBACK_*} source
   */
  public boolean isFallback() {
    return this != POLICY && this != POLICY_CLAMPED;
  }
}
