package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.data.DataSpec;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options that choose the training/test data; unset options fall back to the model's record. */
final class DataOptions {

  @Option(
      names = "--data",
      description =
          "'synthetic' (built-in shapes) or an ImageFolder directory (one folder per class)")
  String data;

  @Option(names = "--image-size", description = "image side in pixels (default 64)")
  Integer imageSize;

  @Option(
      names = "--train-per-class",
      description = "synthetic: training images per class (default 300)")
  Integer trainPerClass;

  @Option(
      names = "--test-per-class",
      description = "synthetic: test images per class (default 100)")
  Integer testPerClass;

  @Option(
      names = "--test-fraction",
      description = "ImageFolder: fraction of each class held out (default 0.2)")
  Double testFraction;

  @Option(names = "--data-seed", description = "seed of generation / split (default 1)")
  Long seed;

  /** The spec from the options, each unset option taken from {@code recorded} or the default. */
  DataSpec resolve(Map<String, String> recorded) {
    DataSpec base =
        recorded.containsKey("data.source")
            ? DataSpec.fromProvenance(recorded)
            : new DataSpec(DataSpec.SYNTHETIC, 64, 300, 100, 0.2, 1);
    return new DataSpec(
        data != null ? data : base.source(),
        imageSize != null ? imageSize : base.imageSize(),
        trainPerClass != null ? trainPerClass : base.trainPerClass(),
        testPerClass != null ? testPerClass : base.testPerClass(),
        testFraction != null ? testFraction : base.testFraction(),
        seed != null ? seed : base.seed());
  }
}
