/**
 * The simulated UEs: a seeded plan (positions from mec-core's random-positions scenario, Poisson
 * arrival times) and the fleet that plays it against a gateway: register, wait for each UE's first
 * decision (bounded), report state every slot, submit each task when it arrives and follow it to
 * its result.
 */
package io.coinfer.simulator.fleet;
