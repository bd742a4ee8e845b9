/**
 * The wire format of a compressed intermediate feature: {@link
 * io.coinfer.splitnn.wire.QuantisedFeature} (the data), {@link io.coinfer.splitnn.wire.Quantiser}
 * (per-tensor min-max n-bit quantisation and bit packing) and {@link
 * io.coinfer.splitnn.wire.FeatureWire} (the versioned binary layout and its strict reader).
 *
 * <p>This package depends on the JDK only, so that the platform's {@code contracts} module, a UE
 * SDK and the services can share it without pulling in DJL.
 */
package io.coinfer.splitnn.wire;
