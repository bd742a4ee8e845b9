/**
 * Schedulers: the {@link io.coinfer.mec.schedule.Scheduler} interface with what it sees per slot,
 * the baselines (local, edge, fixed, random, greedy, static-search), and the spec parser with its
 * {@link java.util.ServiceLoader} extension point for schedulers of other modules.
 */
package io.coinfer.mec.schedule;
