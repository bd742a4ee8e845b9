package io.coinfer.contracts.events;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * What a job cost at the edge, measured.
 *
 * @param queueWaitS time the feature waited for its micro-batch, seconds
 * @param tailS wall-clock time of decode + tail for its batch, seconds
 * @param batchSize number of jobs in that batch
 */
public record EdgeTiming(
    @PositiveOrZero double queueWaitS,
    @PositiveOrZero double tailS,
    @PositiveOrZero int batchSize) {

  /** No edge work (a job finished on the UE, or failed before the tail). */
  public static final EdgeTiming NONE = new EdgeTiming(0, 0, 0);
}
