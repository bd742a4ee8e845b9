/**
 * What became of a fleet's jobs: a thread-safe ledger of arrivals, acceptances and results, and the
 * summary it yields (accepted, completed, failed, lost; latency percentiles; energy per task) as a
 * table or JSON.
 */
package io.coinfer.simulator.report;
