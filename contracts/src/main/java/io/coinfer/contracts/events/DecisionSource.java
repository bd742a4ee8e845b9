package io.coinfer.contracts.events;

/** Why a decision came from the policy it names. */
public enum DecisionSource {
  /** The active policy decided (with its per-UE or its parameter-shared actor). */
  POLICY,
  /** The UE had no fresh state report, so the fallback policy decided. */
  FALLBACK_STALE_STATE,
  /**
   * The active policy cannot serve a fleet of this size (a checkpoint with one actor per UE serves
   * exactly the fleet size it was trained for; a parameter-shared one up to its maximum), so the
   * fallback policy decided.
   */
  FALLBACK_FLEET_UNSUPPORTED
}
