/**
 * {@code coinfer bench}: benchmarks of the running platform. {@code bench load} starts the platform
 * in-process as {@code coinfer up} does (embedded KRaft broker, the four services, the cached 32x32
 * split model), drives it with a fleet of simulated UEs and reports what became of their jobs:
 * accepted, rejected, completed, failed, lost, throughput, end-to-end latency and the platform
 * overhead per job (end-to-end minus the DNN compute measured for it).
 */
package io.coinfer.cli.bench;
