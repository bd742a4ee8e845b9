/**
 * The paper's lightweight autoencoder at a partition point: 1x1 convolution encoder, per-image
 * min-max n-bit quantiser (straight-through in training), 1x1 convolution decoder; its spec and
 * defaults.
 */
package io.coinfer.splitnn.codec;
