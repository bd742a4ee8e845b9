/**
 * What the coinfer platform services agree on: the topic catalogue ({@link
 * io.coinfer.contracts.Topics}), the versioned JSON events on those topics ({@code .events}), the
 * REST DTOs of the public API ({@code .api}) and the small Kafka/JSON plumbing every service uses
 * ({@code .messaging}).
 */
package io.coinfer.contracts;
