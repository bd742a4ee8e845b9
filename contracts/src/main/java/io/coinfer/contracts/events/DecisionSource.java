package io.coinfer.contracts.events;

/** Why a decision came from the policy it names. */
public enum DecisionSource {
  /** The active policy decided for this UE with its own actor. */
  POLICY,
  /**
   * The active policy decided with a parameter-shared actor because the fleet is larger than the
   * number of UEs the policy was trained for.
   */
  SHARED_POLICY,
  /** The UE had no fresh state report, so the fallback policy decided. */
  FALLBACK_STALE_STATE,
  /** The fleet is larger than the active policy supports, so the fallback policy decided. */
  FALLBACK_FLEET_TOO_LARGE
}
