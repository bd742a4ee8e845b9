/**
 * The checkpoint format (a JSON header with provenance and config, float32 weights, Adam moments
 * for resume), readable from a directory or from the class path.
 */
package io.coinfer.mahppo.checkpoint;
