package io.coinfer.contracts.api;

/**
 * The orchestrator's policies.
 *
 * @param spec the active policy's spec
 * @param policyId its id
 * @param policyVersion its version
 * @param beta the energy weight of the objective the policies schedule for, latency (s) + beta x
 *     energy (J) per task
 * @param fallbackSpec the spec of the fallback policy for UEs without fresh state
 */
public record PolicyView(
    String spec, String policyId, String policyVersion, double beta, String fallbackSpec) {}
