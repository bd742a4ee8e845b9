/**
 * Measured device profiles (per-point head, encoder, decoder and tail times) in the simulator's CSV
 * format, and the DJL/PyTorch split benchmark.
 */
package io.coinfer.splitnn.profile;
