package io.coinfer.splitnn.train;

/** Receives progress of a training run (for progress bars and logs). */
public interface TrainingObserver {

  /** An observer that ignores everything. */
  TrainingObserver NONE = new TrainingObserver() {};

  /**
   * Called after every minibatch.
   *
   * @param epoch epoch number from 1
   * @param batch minibatch number within the epoch from 1
   * @param batches minibatches in the epoch
   * @param loss the minibatch's loss
   */
  default void onBatch(int epoch, int batch, int batches, double loss) {}

  /** Called after every epoch with its statistics. */
  default void onEpoch(EpochStats stats) {}
}
