/**
 * Serving a trained policy as a mec-core {@code Scheduler}: deterministic, sampled or planned
 * decisions, the {@code mahppo[:<dir>][:sampled|:plan<K>]} specs registered through {@code
 * SchedulerFactory}, and the checkpoints shipped in the jar.
 */
package io.coinfer.mahppo.serve;
