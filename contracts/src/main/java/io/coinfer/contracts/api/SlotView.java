package io.coinfer.contracts.api;

import java.time.Instant;
import java.util.Map;

/**
 * One slot of the orchestrator.
 *
 * @param slot the slot number (the slot's start since the Unix epoch divided by the slot length)
 * @param startedAt when the slot began
 * @param decisionStepMs wall-clock time of the decision step for all UEs, milliseconds
 * @param ues how many UEs got a decision
 * @param policyId the active policy
 * @param policyVersion its version
 * @param fallbackDecisions how many UEs got the fallback policy's decision
 * @param decisionsByPoint how many UEs were sent to each partition point
 */
public record SlotView(
    long slot,
    Instant startedAt,
    double decisionStepMs,
    int ues,
    String policyId,
    String policyVersion,
    int fallbackDecisions,
    Map<Integer, Integer> decisionsByPoint) {}
