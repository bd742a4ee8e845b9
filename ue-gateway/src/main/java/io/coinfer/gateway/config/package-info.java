/** The gateway's settings and its Kafka wiring (functional consumers, publisher). */
package io.coinfer.gateway.config;
