/**
 * UE-side accounting of a job: compute time and energy from the UE's device profile, transmit time
 * and energy from mec-core's radio model with the decided power and sub-channel and the
 * interference of the other UEs transmitting at the same time.
 */
package io.coinfer.compression.accounting;
