/** The orchestrator's REST API: decisions, slots and policy switching. */
package io.coinfer.orchestrator.web;
