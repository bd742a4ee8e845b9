/** The compression-service's settings and Kafka wiring. */
package io.coinfer.compression.config;
