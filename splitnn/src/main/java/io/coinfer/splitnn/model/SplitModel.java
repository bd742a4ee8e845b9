package io.coinfer.splitnn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A classification DNN that can be cut at the six partition points 0..5 of the paper.
 *
 * <p>Point 0 is the normalised image itself, points 1..4 are intermediate features, point 5 is the
 * logits. {@code tail(k, head(k, x))} equals the full forward pass for every point k. All methods
 * take and return batches (axis 0); the results belong to the manager of the input array, so run
 * each call inside a sub-manager that the caller closes.
 *
 * <p>Implementations: {@link DjlSplitModel} (the built-in families, trainable) and {@code
 * TorchScriptSplitModel} (an imported package of traced head/tail modules). A {@code SplitModel} is
 * not thread-safe for training; concurrent inference calls are safe for {@link DjlSplitModel}.
 */
public interface SplitModel extends AutoCloseable {

  /** Point 0: the raw (normalised) image; nothing runs on the device. */
  int RAW_IMAGE = 0;

  /** Point 5: the whole network runs on the device; the result is the logits. */
  int FULL = 5;

  /** The model id, e.g. {@code resnet18-synthetic-64}. */
  String id();

  /** The input the model expects. */
  InputSpec input();

  /** Class labels, one per logit. */
  List<String> labels();

  /**
   * The shape of the tensor at a point for one image, without the batch axis: {@code {C, H, W}} for
   * points 0..4 and {@code {classes}} for point 5.
   */
  Shape featureShape(int point);

  /**
   * Runs the head: from the normalised images (N, C, H, W) to the feature at {@code point}.
   *
   * @param training whether layers behave as in training (dropout on); batch normalisation always
   *     uses its running statistics here
   */
  NDArray head(int point, NDArray images, boolean training);

  /** Runs the tail: from the feature at {@code point} (a batch) to the logits (N, classes). */
  NDArray tail(int point, NDArray features, boolean training);

  /** Runs the whole network in inference mode: normalised images to logits. */
  default NDArray forward(NDArray images) {
    return head(FULL, images, false);
  }

  /** Checks that {@code point} is one of 0..5. */
  static int checkPoint(int point) {
    if (point < RAW_IMAGE || point > FULL) {
      throw new IllegalArgumentException("partition point must be in 0..5, was " + point);
    }
    return point;
  }

  @Override
  void close();
}
