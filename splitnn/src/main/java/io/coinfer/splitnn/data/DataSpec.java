package io.coinfer.splitnn.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where training data comes from, so that a model's manifest can record it and later commands
 * (codec training, evaluation) load exactly the same split.
 *
 * @param source {@value #SYNTHETIC} for {@link SyntheticShapes}, else an ImageFolder path
 * @param imageSize image side in pixels
 * @param trainPerClass synthetic only: training images per class
 * @param testPerClass synthetic only: test images per class
 * @param testFraction ImageFolder only: fraction of each class held out for testing
 * @param seed the seed of generation or of the split
 */
public record DataSpec(
    String source,
    int imageSize,
    int trainPerClass,
    int testPerClass,
    double testFraction,
    long seed) {

  /** The source name of the built-in synthetic data set. */
  public static final String SYNTHETIC = "synthetic";

  /** Loads (or generates) the split. */
  public DataSplit load() throws IOException {
    return SYNTHETIC.equals(source)
        ? SyntheticShapes.generate(trainPerClass, testPerClass, imageSize, seed)
        : ImageFolder.load(Path.of(source), imageSize, testFraction, seed);
  }

  /** The spec as provenance entries ({@code data.*}). */
  public Map<String, String> toProvenance() {
    return Map.of(
        "data.source", source,
        "data.imageSize", Integer.toString(imageSize),
        "data.trainPerClass", Integer.toString(trainPerClass),
        "data.testPerClass", Integer.toString(testPerClass),
        "data.testFraction", Double.toString(testFraction),
        "data.seed", Long.toString(seed));
  }

  /**
   * Reads a spec back from provenance entries.
   *
   * @throws IllegalArgumentException when the entries are missing (say which)
   */
  public static DataSpec fromProvenance(Map<String, String> provenance) {
    String source = provenance.get("data.source");
    if (source == null) {
      throw new IllegalArgumentException("the model does not record its data; pass --data");
    }
    return new DataSpec(
        source,
        Integer.parseInt(provenance.get("data.imageSize")),
        Integer.parseInt(provenance.get("data.trainPerClass")),
        Integer.parseInt(provenance.get("data.testPerClass")),
        Double.parseDouble(provenance.get("data.testFraction")),
        Long.parseLong(provenance.get("data.seed")));
  }
}
