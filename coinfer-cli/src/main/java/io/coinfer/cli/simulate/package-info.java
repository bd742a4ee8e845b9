/**
 * {@code coinfer simulate}: a fleet of simulated UEs (ue-simulator) against any gateway, ending
 * with the summary of what became of its jobs.
 */
package io.coinfer.cli.simulate;
