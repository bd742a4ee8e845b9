package io.coinfer.mahppo.ppo;

/**
 * The standard PPO diagnostics of one update, averaged over its minibatches (losses and entropies
 * also over agents).
 *
 * @param policyLossPoint clipped surrogate loss of the point head
 * @param policyLossChannel clipped surrogate loss of the sub-channel head
 * @param policyLossPower clipped surrogate loss of the power head
 * @param entropyPoint entropy of the point distribution, nats
 * @param entropyChannel entropy of the sub-channel distribution, nats
 * @param entropyPower differential entropy of the power distribution, nats
 * @param valueLoss mean squared error of the critic (in its own, possibly normalised, units)
 * @param approxKl mean of {@code (rho - 1) - log rho} of the joint per-UE action
 * @param clipFraction fraction of ratios outside the clip range, over the three heads
 * @param explainedVariance {@code 1 - Var(G - V) / Var(G)} of the lambda-returns G on the rollout
 * @param learningRate the actors' learning rate used
 */
public record UpdateStats(
    double policyLossPoint,
    double policyLossChannel,
    double policyLossPower,
    double entropyPoint,
    double entropyChannel,
    double entropyPower,
    double valueLoss,
    double approxKl,
    double clipFraction,
    double explainedVariance,
    double learningRate) {}
