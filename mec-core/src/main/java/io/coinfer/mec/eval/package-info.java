/**
 * Evaluation: run a scheduler over K seeded episodes and measure the paper's latency and energy per
 * task per device, the continuous-time task latencies (mean, p50, p95), the summed reward and the
 * slots used.
 */
package io.coinfer.mec.eval;
