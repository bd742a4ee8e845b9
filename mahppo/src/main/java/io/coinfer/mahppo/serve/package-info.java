/**
 * Serving a trained policy as a mec-core {@code Scheduler}: deterministic or sampled decisions, the
 * {@code mahppo[:<dir>][:sampled]} specs registered through {@code SchedulerFactory}, and the
 * checkpoints shipped in the jar.
 */
package io.coinfer.mahppo.serve;
