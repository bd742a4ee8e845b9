package io.coinfer.contracts.events;

/**
 * A rule an active policy's action broke, as listed in {@link DecisionEvent#corrections()}. The
 * orchestrator clamps a power above pmax (the decision's source is {@link
 * DecisionSource#POLICY_CLAMPED}) and rejects every other broken rule: the fallback policy decides
 * for that UE instead (source {@link DecisionSource#FALLBACK_INVALID_ACTION}).
 */
public enum DecisionCorrection {
  /** The power was above the system's pmax; it was clamped to pmax. */
  POWER_ABOVE_PMAX,
  /** The power was zero or negative; the action was rejected. */
  POWER_NOT_POSITIVE,
  /** The power was NaN or infinite; the action was rejected. */
  POWER_NOT_FINITE,
  /** The partition point was outside 0..5; the action was rejected. */
  POINT_OUT_OF_RANGE,
  /** The sub-channel was outside 0..C-1; the action was rejected. */
  SUB_CHANNEL_OUT_OF_RANGE,
  /**
   * The policy failed for the whole group: it threw, or returned no action or a wrong number of
   * actions; every UE of the group was decided by the fallback policy.
   */
  POLICY_FAILED
}
