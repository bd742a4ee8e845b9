/**
 * {@code coinfer up}: the whole platform in one process, the way a user first meets it. A real
 * single-node Kafka broker (KRaft) in-process, the four services each in its own Spring context on
 * fixed ports, the split model trained on first run and cached, and a simulated UE fleet; a live
 * summary while it runs and, at the end, a table that compares the run with {@code local}.
 */
package io.coinfer.cli.up;
