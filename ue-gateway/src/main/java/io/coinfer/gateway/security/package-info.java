/** Bearer tokens bound to one UE id, and the check that a request acts for its own UE. */
package io.coinfer.gateway.security;
