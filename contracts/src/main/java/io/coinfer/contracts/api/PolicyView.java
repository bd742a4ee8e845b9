package io.coinfer.contracts.api;

/**
 * The orchestrator's policies.
 *
 * @param spec the active policy's spec
 * @param policyId its id
 * @param policyVersion its version
 * @param maxUes how many UEs it decides for with its own actors (0: any number)
 * @param fallbackSpec the spec of the fallback policy for UEs without fresh state
 */
public record PolicyView(
    String spec, String policyId, String policyVersion, int maxUes, String fallbackSpec) {}
