/**
 * The training loop on mec-core's simulator: rollouts, updates, a test-scenario measurement after
 * every update, {@code metrics.csv}, {@code learning-curve.png} and checkpoints, with resume.
 */
package io.coinfer.mahppo.train;
