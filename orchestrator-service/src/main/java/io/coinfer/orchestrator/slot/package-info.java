/**
 * The slot loop: the latest state of every UE ({@link io.coinfer.orchestrator.slot.UeBook}), the
 * decision step ({@link io.coinfer.orchestrator.slot.DecisionStep}) and the clock that runs it and
 * publishes the decisions ({@link io.coinfer.orchestrator.slot.SlotClock}).
 */
package io.coinfer.orchestrator.slot;
