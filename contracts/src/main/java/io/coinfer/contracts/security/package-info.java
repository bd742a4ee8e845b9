/**
 * Platform-wide authentication: one set of HS256 signing keys shared by the four services ({@link
 * io.coinfer.contracts.security.SigningKeys}, configured by {@link
 * io.coinfer.contracts.security.SecuritySettings}), the signed tokens they issue and verify ({@link
 * io.coinfer.contracts.security.Tokens}: UE, service and admin roles), the guard of the internal
 * services' REST APIs ({@link io.coinfer.contracts.security.InternalApiGuard}) and the JSON body
 * size limit of every service ({@link io.coinfer.contracts.security.JsonBodyLimit}).
 */
package io.coinfer.contracts.security;
