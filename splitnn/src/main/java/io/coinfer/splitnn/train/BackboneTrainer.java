package io.coinfer.splitnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.model.DjlSplitModel;
import java.util.List;

/**
 * Trains a built-in network end to end with cross-entropy (batch normalisation in training mode).
 */
public final class BackboneTrainer {

  private BackboneTrainer() {}

  /**
   * Trains {@code model} in place.
   *
   * @return the statistics of every epoch (test top-1 of the whole network)
   */
  public static List<EpochStats> train(
      DjlSplitModel model, DataSplit data, TrainSettings settings, TrainingObserver observer) {
    Trainable.set(model.block(), true);
    Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
    return TrainingLoop.run(
        "backbone",
        model.model(),
        data,
        model.input(),
        settings,
        (NDList outputs, NDArray labels) -> crossEntropy.evaluate(new NDList(labels), outputs),
        () -> Evaluator.top1(model, data.test()),
        observer);
  }
}
