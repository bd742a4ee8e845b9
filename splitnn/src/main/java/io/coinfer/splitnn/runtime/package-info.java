/**
 * {@link io.coinfer.splitnn.runtime.SplitRuntime}: device-side encode and edge-side micro-batched
 * decode for the platform's services.
 */
package io.coinfer.splitnn.runtime;
