package io.coinfer.splitnn.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.SplitModel;
import java.util.List;

/**
 * Trains a codec at one point as the paper does.
 *
 * <ul>
 *   <li>{@link #train}: the backbone is frozen; loss = smooth-L1(decoded feature, feature) + gamma
 *       x cross-entropy of the logits when the tail runs on the decoded feature. Quantisation is in
 *       the loop with a straight-through gradient, so the codec learns what the wire will carry.
 *   <li>{@link #finetune}: codec and backbone together with cross-entropy at a small learning rate
 *       (built-in networks only). {@link FinetuneScope#TAIL} keeps the head frozen, so the
 *       encoder's input stays put and only the codec and the tail adapt; {@link FinetuneScope#ALL}
 *       trains the head too. With {@code batchNormTraining} the tail's batch normalisation runs as
 *       in backbone training (batch statistics, running statistics updated to the decoded
 *       feature's); otherwise it keeps the stored running statistics. With a {@link Distillation}
 *       the tail also learns from the original backbone's logits.
 * </ul>
 *
 * Imported TorchScript models are trained with the reconstruction loss only: DJL runs TorchScript
 * modules in PyTorch's inference mode, so no gradient flows back through their tail, and
 * fine-tuning is not available for them.
 */
public final class CodecTrainer {

  private CodecTrainer() {}

  /**
   * Trains the codec with the backbone frozen.
   *
   * @param gamma weight of the cross-entropy term (the paper uses 0.1); 0 for reconstruction only;
   *     ignored (reconstruction only) for models that are not {@link DjlSplitModel}s
   */
  public static List<EpochStats> train(
      SplitModel model,
      FeatureCodec codec,
      DataSplit data,
      float gamma,
      TrainSettings settings,
      TrainingObserver observer) {
    if (model instanceof DjlSplitModel djl) {
      Trainable.set(djl.block(), false);
    }
    Trainable.set(codec.block(), true);
    Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
    boolean taskLoss = gamma > 0 && model instanceof DjlSplitModel;
    try (Model composite = Model.newInstance("codec-training")) {
      composite.setBlock(new Composite(model, codec, null, false, taskLoss, null));
      return TrainingLoop.run(
          "codec",
          composite,
          data,
          model.input(),
          settings,
          (outputs, labels) -> {
            NDArray loss = smoothL1(outputs.get(1), outputs.get(2));
            return taskLoss
                ? loss.add(
                    times(
                        crossEntropy.evaluate(new NDList(labels), new NDList(outputs.get(0))),
                        gamma))
                : loss;
          },
          () -> Evaluator.top1WithCodec(model, codec, data.test()).top1(),
          observer);
    } finally {
      if (model instanceof DjlSplitModel djl) {
        Trainable.set(djl.block(), true);
      }
    }
  }

  /** Which part of the backbone fine-tuning trains along with the codec. */
  public enum FinetuneScope {
    /** Segments from the codec's point to the logits; the head stays frozen. */
    TAIL,
    /** The whole backbone. */
    ALL
  }

  /**
   * Fine-tunes the codec and part of the backbone together with cross-entropy (built-in networks
   * only).
   *
   * @param scope the backbone segments that train with the codec
   * @param batchNormTraining whether the trained segments' batch normalisation uses batch
   *     statistics and updates its running statistics (as in backbone training); false keeps the
   *     stored running statistics
   * @param distillation the teacher and weights of a distillation term, or null for the labels'
   *     cross-entropy alone
   */
  public static List<EpochStats> finetune(
      DjlSplitModel model,
      FeatureCodec codec,
      DataSplit data,
      FinetuneScope scope,
      boolean batchNormTraining,
      TrainSettings settings,
      Distillation distillation,
      TrainingObserver observer) {
    int point = codec.info().spec().point();
    List<ai.djl.nn.Block> segments = model.segments();
    for (int i = 0; i < segments.size(); i++) {
      Trainable.set(segments.get(i), scope == FinetuneScope.ALL || i >= point);
    }
    Trainable.set(codec.block(), true);
    Loss crossEntropy = Loss.softmaxCrossEntropyLoss();
    try (Model composite = Model.newInstance("codec-finetuning")) {
      composite.setBlock(
          new Composite(
              model,
              codec,
              scope,
              batchNormTraining,
              true,
              distillation == null ? null : distillation.teacher()));
      return TrainingLoop.run(
          "finetune",
          composite,
          data,
          model.input(),
          settings,
          (outputs, labels) -> {
            NDArray ce = crossEntropy.evaluate(new NDList(labels), new NDList(outputs.get(0)));
            return distillation == null
                ? ce
                : distillation.loss(ce, outputs.get(0), outputs.get(3));
          },
          () -> Evaluator.top1WithCodec(model, codec, data.test()).top1(),
          observer);
    } finally {
      Trainable.set(model.block(), true);
    }
  }

  /** Mean smooth-L1 (Huber with delta 1) distance between two arrays. */
  static NDArray smoothL1(NDArray prediction, NDArray target) {
    NDArray d = prediction.sub(target).abs();
    NDArray quadratic = times(d.square(), 0.5f);
    NDArray linear = d.sub(0.5f);
    return NDArrays.where(d.lt(1f), quadratic, linear).mean();
  }

  /**
   * {@code x * c} with {@code c} a 0-d tensor that PyTorch allocates and reference-counts. DJL's
   * {@code mul(Number)} wraps the constant in a tensor over a Java direct buffer and closes it at
   * once, although autograd reads it in the backward pass: after a garbage collection in between,
   * the gradient is computed from freed memory (docs/mahppo.md, "The warm-start defect").
   */
  static NDArray times(NDArray x, float c) {
    return x.mul(x.getManager().full(new Shape(), c));
  }

  /**
   * head -> encoder -> straight-through quantiser -> decoder -> tail, returning {@code [logits,
   * decoded, feature]}, plus the teacher's logits on the same images when there is a teacher. The
   * backbone's parameters reach the trainer only when fine-tuning ({@code scope} not null).
   */
  private static final class Composite extends AbstractBlock {

    private final SplitModel model;
    private final FeatureCodec codec;
    private final int point;
    private final FinetuneScope scope;
    private final boolean batchNormTraining;
    private final boolean needLogits;
    private final SplitModel teacher;

    Composite(
        SplitModel model,
        FeatureCodec codec,
        FinetuneScope scope,
        boolean batchNormTraining,
        boolean needLogits,
        SplitModel teacher) {
      this.model = model;
      this.codec = codec;
      this.point = codec.info().spec().point();
      this.scope = scope;
      this.batchNormTraining = batchNormTraining;
      this.needLogits = needLogits;
      this.teacher = teacher;
      addChildBlock("codec", codec.block());
      if (scope != null) {
        addChildBlock("backbone", ((DjlSplitModel) model).block());
      }
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray images = inputs.singletonOrThrow();
      NDArray feature =
          scope == FinetuneScope.ALL
              ? ((DjlSplitModel) model)
                  .runSegments(0, point, images, training && batchNormTraining, store)
              : model.head(point, images, false).stopGradient().duplicate();
      NDList codecBlocks = new NDList(feature);
      NDArray code =
          codec
              .block()
              .getChildren()
              .get(0)
              .getValue()
              .forward(store, codecBlocks, training)
              .head();
      NDArray decoded =
          codec
              .block()
              .getChildren()
              .get(1)
              .getValue()
              .forward(store, new NDList(codec.quantiseStraightThrough(code)), training)
              .head();
      NDArray logits;
      if (scope != null) {
        logits =
            ((DjlSplitModel) model)
                .runSegments(point, SplitModel.FULL, decoded, training && batchNormTraining, store);
      } else if (needLogits) {
        logits = model.tail(point, decoded, false);
      } else {
        logits = decoded.getManager().zeros(new Shape(decoded.getShape().get(0)), DataType.FLOAT32);
      }
      NDList out = new NDList(logits, decoded, feature);
      if (teacher != null) {
        out.add(teacher.forward(images).stopGradient());
      }
      return out;
    }

    @Override
    protected void initializeChildBlocks(
        ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
      // the backbone and the codec are initialised (or loaded) by their owners
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      Shape f = model.featureShape(point);
      long n = inputShapes[0].get(0);
      Shape logits = new Shape(n, model.labels().size());
      Shape feature = new Shape(n).addAll(f);
      return teacher == null
          ? new Shape[] {logits, feature, feature}
          : new Shape[] {logits, feature, feature, logits};
    }
  }
}
