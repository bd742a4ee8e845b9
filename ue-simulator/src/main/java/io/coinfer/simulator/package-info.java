/**
 * The world outside the edge: a fleet of simulated UEs that registers with the ue-gateway, reports
 * its state every slot, submits images as Poisson jobs and accounts what comes back. {@link
 * io.coinfer.simulator.SimulatorSettings} holds every knob; {@code fleet} runs the UEs, {@code
 * gateway} speaks the REST API, {@code report} turns outcomes into a summary and {@code image}
 * supplies the deterministic synthetic images.
 */
package io.coinfer.simulator;
