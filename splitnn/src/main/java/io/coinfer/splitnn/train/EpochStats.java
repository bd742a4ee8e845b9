package io.coinfer.splitnn.train;

/**
 * What one epoch of training achieved.
 *
 * @param phase {@code backbone}, {@code codec} or {@code finetune}
 * @param epoch epoch number from 1
 * @param trainLoss mean minibatch loss over the epoch
 * @param testTop1 top-1 accuracy on the test set after the epoch, in [0, 1]
 * @param seconds wall-clock seconds of the epoch including the test pass
 */
public record EpochStats(
    String phase, int epoch, double trainLoss, double testTop1, double seconds) {}
