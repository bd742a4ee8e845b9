package io.coinfer.contracts.security;

/**
 * The verified caller of a request.
 *
 * @param subject the token's subject: the UE id for {@link Role#UE}, a name otherwise
 * @param role the token's role
 */
public record Caller(String subject, Role role) {}
