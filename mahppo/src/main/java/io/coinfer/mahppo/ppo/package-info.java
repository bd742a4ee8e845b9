/**
 * The PPO update: rollout buffer of plain arrays, GAE with terminal and truncated episodes, the
 * clipped surrogate per head, Adam with saveable moments, and the minibatch loop on DJL.
 */
package io.coinfer.mahppo.ppo;
