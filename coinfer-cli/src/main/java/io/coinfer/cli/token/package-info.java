/** {@code coinfer token}: admin and service tokens, and new signing keys, for a deployment. */
package io.coinfer.cli.token;
