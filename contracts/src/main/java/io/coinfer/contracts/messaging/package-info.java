/**
 * The Kafka and JSON plumbing every platform service shares: reading and writing events with
 * validation ({@link io.coinfer.contracts.messaging.EventJson}), keyed messages with the job id
 * header ({@link io.coinfer.contracts.messaging.EventMessages}) and dropping duplicates by job id
 * ({@link io.coinfer.contracts.messaging.RecentIds}).
 */
package io.coinfer.contracts.messaging;
