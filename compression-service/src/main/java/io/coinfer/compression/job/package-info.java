/** Applying a UE's latest decision to its raw-image jobs. */
package io.coinfer.compression.job;
