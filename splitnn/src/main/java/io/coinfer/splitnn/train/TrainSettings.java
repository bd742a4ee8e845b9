package io.coinfer.splitnn.train;

/**
 * Settings of one training run.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize images per minibatch, at least 2
 * @param learningRate Adam's learning rate
 * @param weightDecay L2 weight decay (0 for none)
 * @param seed seed of the minibatch order and augmentation
 * @param maxBatchesPerEpoch stop an epoch after this many minibatches (0 = the whole set); for
 *     smoke tests
 * @param flipAugment whether to mirror half of the training images at random
 * @param cosineDecay whether the learning rate falls from {@code learningRate} to 0 along a half
 *     cosine over the run's minibatches (otherwise it stays at {@code learningRate})
 */
public record TrainSettings(
    int epochs,
    int batchSize,
    float learningRate,
    float weightDecay,
    long seed,
    int maxBatchesPerEpoch,
    boolean flipAugment,
    boolean cosineDecay) {

  /** Validates the ranges. */
  public TrainSettings {
    if (epochs < 1 || batchSize < 2 || !(learningRate > 0) || weightDecay < 0) {
      throw new IllegalArgumentException(
          "need epochs >= 1, batchSize >= 2, learningRate > 0 and weightDecay >= 0");
    }
    if (maxBatchesPerEpoch < 0) {
      throw new IllegalArgumentException("maxBatchesPerEpoch must be >= 0");
    }
  }

  /** Settings with a constant learning rate. */
  public TrainSettings(
      int epochs,
      int batchSize,
      float learningRate,
      float weightDecay,
      long seed,
      int maxBatchesPerEpoch,
      boolean flipAugment) {
    this(
        epochs, batchSize, learningRate, weightDecay, seed, maxBatchesPerEpoch, flipAugment, false);
  }
}
