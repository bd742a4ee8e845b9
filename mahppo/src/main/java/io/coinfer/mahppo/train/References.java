package io.coinfer.mahppo.train;

/**
 * Test-scenario figures of two baselines, drawn as reference lines on the learning curve.
 *
 * @param localLatency {@code local}: latency per task per device, s
 * @param localEnergy {@code local}: energy per task per device, J
 * @param staticLatency {@code static-search}: latency per task per device, s
 * @param staticEnergy {@code static-search}: energy per task per device, J
 */
public record References(
    double localLatency, double localEnergy, double staticLatency, double staticEnergy) {}
