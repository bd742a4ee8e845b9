/**
 * The DTOs of the platform's public REST API ({@code /api/v1}): UE registration and state, jobs,
 * decisions, slots and policies. Distances are metres, powers watts, times seconds unless a name
 * says otherwise.
 */
package io.coinfer.contracts.api;
