package io.coinfer.contracts.events;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * What a job cost on the UE side, from the device profile and the radio model.
 *
 * @param computeS UE compute time to reach the partition point, seconds
 * @param computeJ UE energy of that computation, joules
 * @param transmitS uplink transmit time of the payload, seconds (0 at point 5)
 * @param transmitJ UE energy of that transmission, joules
 * @param payloadBits bits sent over the uplink in the system model (0 at point 5)
 * @param rateBps the uplink rate at the start of the transmission, bits per second (0 at point 5)
 */
public record UeAccounting(
    @PositiveOrZero double computeS,
    @PositiveOrZero double computeJ,
    @PositiveOrZero double transmitS,
    @PositiveOrZero double transmitJ,
    @PositiveOrZero double payloadBits,
    @PositiveOrZero double rateBps) {

  /**
   * The UE's total energy for the job.
   *
   * @return compute plus transmit energy, joules
   */
  public double energyJ() {
    return computeJ + transmitJ;
  }

  /**
   * The UE-side latency of the job.
   *
   * @return compute plus transmit time, seconds
   */
  public double latencyS() {
    return computeS + transmitS;
  }
}
