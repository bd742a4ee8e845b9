/**
 * Image classification data: the deterministic synthetic shapes set, an ImageFolder reader with a
 * seeded train/test split, and in-memory image sets that make normalised batches.
 */
package io.coinfer.splitnn.data;
