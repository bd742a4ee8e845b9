/**
 * The slot simulator (the MDP of the paper): scenario parameters, episode draws (training, test,
 * random positions), actions, and {@link io.coinfer.mec.sim.MecEnvironment} with its event-driven
 * time inside a slot, normalised state and reward.
 */
package io.coinfer.mec.sim;
