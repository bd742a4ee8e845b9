/**
 * MAHPPO's networks: their sizes and input features, the weights as plain float tensors, a
 * plain-Java evaluator for rollouts and serving, and the same networks as DJL arrays with gradients
 * for the PPO update (all per-UE actors stacked and applied with batched matrix products).
 */
package io.coinfer.mahppo.policy;
