/**
 * The ue-gateway's REST API as the simulated UEs use it, on {@code java.net.http.HttpClient} with a
 * bound on the exchanges open at once. Bodies are the DTOs of {@code io.coinfer.contracts.api}.
 */
package io.coinfer.simulator.gateway;
