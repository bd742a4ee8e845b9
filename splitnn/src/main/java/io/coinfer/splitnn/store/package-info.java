/**
 * The artefact cache under {@code $COINFER_HOME/models}: model manifests, backbone and codec
 * weights, and opening models from it.
 */
package io.coinfer.splitnn.store;
