package io.coinfer.contracts.api;

/**
 * The answer to a registration: the UE and the bearer token bound to it.
 *
 * @param ue the registered UE
 * @param token the bearer token to send as {@code Authorization: Bearer <token>} on the UE's calls
 */
public record UeRegistration(UeView ue, String token) {}
