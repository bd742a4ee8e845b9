/**
 * ue-gateway: the platform's REST front door. UEs register and get a bearer token bound to their id
 * ({@code .security}), report their state ({@code .ue}), submit raw-image jobs or features they
 * compressed themselves and read results ({@code .job}); the gateway publishes UE state, jobs and
 * features to Kafka and completes jobs from {@code coinfer.results}.
 */
package io.coinfer.gateway;
