/** The orchestrator's settings and Kafka wiring. */
package io.coinfer.orchestrator.config;
