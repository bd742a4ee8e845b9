/** Strict validation of a feature against the served model, point and codec. */
package io.coinfer.inference.feature;
