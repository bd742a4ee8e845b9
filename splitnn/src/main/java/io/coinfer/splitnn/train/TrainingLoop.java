package io.coinfer.splitnn.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.data.ImageSet;
import io.coinfer.splitnn.model.InputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * The minibatch loop shared by backbone, codec and fine-tuning runs: Adam on the parameters the
 * model's block exposes to the trainer, one sub-manager per minibatch, a test pass per epoch.
 */
final class TrainingLoop {

  /** Computes a minibatch's scalar loss from the trainer's forward output. */
  interface LossFunction {
    NDArray loss(NDList outputs, NDArray labels);
  }

  private TrainingLoop() {}

  static List<EpochStats> run(
      String phase,
      Model model,
      DataSplit data,
      InputSpec input,
      TrainSettings settings,
      LossFunction lossFunction,
      DoubleSupplier testTop1,
      TrainingObserver observer) {
    ImageSet train = data.train();
    int batchesPerEpoch =
        Minibatches.shuffled(train, settings.batchSize(), 0, settings.maxBatchesPerEpoch()).size();
    Optimizer adam =
        Optimizer.adam()
            .optLearningRateTracker(learningRate(settings, batchesPerEpoch))
            .optWeightDecays(settings.weightDecay())
            .build();
    // the loss here is only a placeholder the config requires; the loop computes its own
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam);
    Random augment = new Random(settings.seed());
    List<EpochStats> history = new ArrayList<>();
    try (Trainer trainer = model.newTrainer(config)) {
      for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
        long start = System.nanoTime();
        List<int[]> batches =
            Minibatches.shuffled(
                train,
                settings.batchSize(),
                settings.seed() * 1000 + epoch,
                settings.maxBatchesPerEpoch());
        double lossSum = 0;
        for (int b = 0; b < batches.size(); b++) {
          int[] batch = batches.get(b);
          try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray images =
                train.images(
                    batch,
                    input,
                    sub,
                    Minibatches.flips(batch.length, augment, settings.flipAugment()));
            NDArray labels = train.labels(batch, sub);
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDArray value = lossFunction.loss(trainer.forward(new NDList(images)), labels);
              collector.backward(value);
              loss = value.getFloat();
            }
            trainer.step();
            if (!Float.isFinite(loss)) {
              throw new IllegalStateException(
                  phase + " training diverged (loss " + loss + ") at epoch " + epoch);
            }
            lossSum += loss;
            observer.onBatch(epoch, b + 1, batches.size(), loss);
          }
        }
        double top1 = testTop1.getAsDouble();
        EpochStats stats =
            new EpochStats(
                phase, epoch, lossSum / batches.size(), top1, (System.nanoTime() - start) / 1e9);
        history.add(stats);
        observer.onEpoch(stats);
      }
    }
    return history;
  }

  /**
   * The learning rate against Adam's update count (one update per minibatch): constant, or a half
   * cosine from the settings' rate down to 0 at the run's last minibatch.
   */
  static Tracker learningRate(TrainSettings settings, int batchesPerEpoch) {
    if (!settings.cosineDecay()) {
      return Tracker.fixed(settings.learningRate());
    }
    return Tracker.cosine()
        .setBaseValue(settings.learningRate())
        .optFinalValue(0f)
        .setMaxUpdates(Math.max(1, settings.epochs() * batchesPerEpoch))
        .build();
  }
}
