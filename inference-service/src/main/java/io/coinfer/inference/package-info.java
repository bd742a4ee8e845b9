/**
 * inference-service: the edge half. It validates every feature on {@code coinfer.features} strictly
 * ({@code .feature}), then dequantises, decodes and runs the tail with dynamic micro-batching
 * across UEs ({@code .batch}) and publishes results to {@code coinfer.results}.
 */
package io.coinfer.inference;
