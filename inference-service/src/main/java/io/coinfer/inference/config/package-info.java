/** The inference-service's settings and Kafka wiring. */
package io.coinfer.inference.config;
