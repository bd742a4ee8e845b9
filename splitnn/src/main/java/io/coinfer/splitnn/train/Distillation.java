package io.coinfer.splitnn.train;

import ai.djl.ndarray.NDArray;
import io.coinfer.splitnn.model.SplitModel;

/**
 * Knowledge distillation for codec fine-tuning (Hinton, Vinyals and Dean, "Distilling the Knowledge
 * in a Neural Network", 2015): the fine-tuned tail learns from the logits of the original backbone
 * (the teacher, frozen, run whole in inference mode on the same minibatch) besides the labels.
 *
 * <p>Minibatch loss = {@code (1 - weight) * CE(labels, s) + weight * T^2 * KL(softmax(t / T) ||
 * softmax(s / T))} with {@code s} the student's (the codec path's) logits, {@code t} the teacher's
 * and {@code T} the temperature; the KL divergence is summed over classes and averaged over the
 * minibatch. The factor {@code T^2} keeps the term's gradient, {@code T (softmax(s/T) -
 * softmax(t/T))} per image, on the scale of the cross-entropy's across temperatures.
 *
 * @param teacher the original backbone; only run in inference mode, never trained, not closed here
 * @param weight share of the distillation term, in (0, 1]; 1 ignores the labels
 * @param temperature softmax temperature T, greater than 0 (1 = the plain softmax; larger values
 *     pass on more of the teacher's ranking of the wrong classes)
 */
public record Distillation(SplitModel teacher, float weight, float temperature) {

  /** Validates the ranges. */
  public Distillation {
    if (teacher == null) {
      throw new IllegalArgumentException("distillation needs a teacher model");
    }
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("distillation weight must be in (0, 1], was " + weight);
    }
    if (!(temperature > 0) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException(
          "distillation temperature must be finite and > 0, was " + temperature);
    }
  }

  /**
   * The minibatch loss.
   *
   * @param crossEntropy the mean cross-entropy of the student's logits against the labels
   * @param student the student's logits (N, classes), with gradient
   * @param teacher the teacher's logits (N, classes), no gradient
   */
  NDArray loss(NDArray crossEntropy, NDArray student, NDArray teacher) {
    NDArray soft =
        CodecTrainer.times(divergence(student, teacher), weight * temperature * temperature);
    return weight == 1f ? soft : CodecTrainer.times(crossEntropy, 1 - weight).add(soft);
  }

  /** {@code KL(softmax(t / T) || softmax(s / T))}, summed over classes, mean over the batch. */
  NDArray divergence(NDArray student, NDArray teacher) {
    float inverse = 1 / temperature;
    NDArray logStudent = CodecTrainer.times(student, inverse).logSoftmax(1);
    NDArray logTeacher = CodecTrainer.times(teacher, inverse).logSoftmax(1);
    return logTeacher.exp().mul(logTeacher.sub(logStudent)).sum(new int[] {1}).mean();
  }
}
