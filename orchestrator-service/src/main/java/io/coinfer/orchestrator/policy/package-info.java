/** The active and fallback policies, their ids and versions, and the schedulers built for them. */
package io.coinfer.orchestrator.policy;
