/**
 * The gateway's side of the platform's tokens: UE tokens bound to one UE id, the check that a
 * request acts for its own UE, and the admin check of UE deletion.
 */
package io.coinfer.gateway.security;
