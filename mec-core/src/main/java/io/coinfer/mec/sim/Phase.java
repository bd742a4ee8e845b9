package io.coinfer.mec.sim;

/** What a UE is doing at an instant. */
public enum Phase {
  /** Running the head of its current task (points 1..5). */
  COMPUTE,
  /** Sending the payload of its current task (points 0..4). */
  TRANSMIT,
  /** No tasks left. */
  IDLE
}
