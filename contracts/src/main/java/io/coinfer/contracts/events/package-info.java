/**
 * The events on the platform's topics, as JSON records that carry {@link
 * io.coinfer.contracts.events.Event#schemaVersion()}. Times are seconds, energies joules, powers
 * watts, distances metres; instants are UTC.
 */
package io.coinfer.contracts.events;
