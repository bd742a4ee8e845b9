package io.coinfer.splitnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.ImageSet;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.wire.FeatureWire;
import io.coinfer.splitnn.wire.QuantisedFeature;
import java.util.ArrayList;
import java.util.List;

/** Measures top-1 accuracy of a model, with or without a codec at a point, on a test set. */
public final class Evaluator {

  private static final int BATCH = 50;

  private Evaluator() {}

  /**
   * Accuracy and codec timings on a test set.
   *
   * @param top1 fraction of images whose highest logit is the label, in [0, 1]
   * @param encodeMsPerImage mean milliseconds per image to encode, quantise and serialise (0
   *     without codec)
   * @param decodeMsPerImage mean milliseconds per image to parse, dequantise and decode (0 without
   *     codec)
   */
  public record Result(double top1, double encodeMsPerImage, double decodeMsPerImage) {}

  /** Top-1 accuracy of the whole network. */
  public static double top1(SplitModel model, ImageSet test) {
    int correct = 0;
    for (int[] batch : Minibatches.inOrder(test, BATCH)) {
      try (NDManager sub = NDManager.newBaseManager()) {
        NDArray logits = model.forward(test.images(batch, model.input(), sub, null));
        correct += countCorrect(logits, test, batch);
      }
    }
    return (double) correct / test.count();
  }

  /**
   * Top-1 accuracy when every image goes the deployed way: head to {@code codec}'s point, encode,
   * quantise, write the wire message, read it back, dequantise, decode, tail.
   */
  public static Result top1WithCodec(SplitModel model, FeatureCodec codec, ImageSet test) {
    int point = codec.info().spec().point();
    int correct = 0;
    long encodeNanos = 0;
    long decodeNanos = 0;
    for (int[] batch : Minibatches.inOrder(test, BATCH)) {
      try (NDManager sub = NDManager.newBaseManager()) {
        NDArray feature = model.head(point, test.images(batch, model.input(), sub, null), false);
        feature.toFloatArray(); // finish the head before timing the encoder
        long t0 = System.nanoTime();
        List<byte[]> messages = new ArrayList<>();
        for (QuantisedFeature f : codec.compress(feature)) {
          messages.add(FeatureWire.write(f));
        }
        long t1 = System.nanoTime();
        List<QuantisedFeature> received = new ArrayList<>();
        for (byte[] m : messages) {
          received.add(FeatureWire.read(m, codec.descriptor()));
        }
        NDArray decoded = codec.decompress(received, sub);
        decoded.toFloatArray();
        long t2 = System.nanoTime();
        encodeNanos += t1 - t0;
        decodeNanos += t2 - t1;
        correct += countCorrect(model.tail(point, decoded, false), test, batch);
      }
    }
    return new Result(
        (double) correct / test.count(),
        encodeNanos / 1e6 / test.count(),
        decodeNanos / 1e6 / test.count());
  }

  static int countCorrect(NDArray logits, ImageSet set, int[] batch) {
    long[] predicted = logits.argMax(1).toLongArray();
    int correct = 0;
    for (int i = 0; i < batch.length; i++) {
      if (predicted[i] == set.label(batch[i])) {
        correct++;
      }
    }
    return correct;
  }
}
