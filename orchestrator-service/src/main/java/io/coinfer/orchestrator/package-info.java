/**
 * orchestrator-service: the slot loop. It keeps the latest state of every UE from the compacted
 * topic {@code coinfer.ue-state} ({@code .slot}), runs the active scheduler of mec-core at every
 * slot boundary and publishes one decision per UE ({@code .slot}), and switches policies without a
 * restart ({@code .policy}).
 */
package io.coinfer.orchestrator;
