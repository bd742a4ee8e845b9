package io.coinfer.contracts.events;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * What a job cost at the edge, measured. The DNN compute of a job is {@code headS + tailS}; the
 * rest of its end-to-end time is the platform's overhead (queues, Kafka, HTTP, serialisation).
 *
 * @param queueWaitS time the feature waited for its micro-batch, seconds
 * @param tailS wall-clock time of decode + tail for its batch, seconds
 * @param batchSize number of jobs in that batch
 * @param headS wall-clock time compression-service spent on the head and encoder (the whole net at
 *     point 5) for the job on the UE's behalf, seconds; 0 when it ran none
 */
public record EdgeTiming(
    @PositiveOrZero double queueWaitS,
    @PositiveOrZero double tailS,
    @PositiveOrZero int batchSize,
    @PositiveOrZero double headS) {

  /**
   * Edge timing without head compute.
   *
   * @param queueWaitS time the feature waited for its micro-batch, seconds
   * @param tailS wall-clock time of decode + tail for its batch, seconds
   * @param batchSize number of jobs in that batch
   */
  public EdgeTiming(double queueWaitS, double tailS, int batchSize) {
    this(queueWaitS, tailS, batchSize, 0);
  }

  /**
   * The DNN compute of the job.
   *
   * @return {@code headS + tailS}, seconds
   */
  public double dnnS() {
    return headS + tailS;
  }

  /** No edge work (a job finished on the UE, or failed before the tail). */
  public static final EdgeTiming NONE = new EdgeTiming(0, 0, 0);
}
