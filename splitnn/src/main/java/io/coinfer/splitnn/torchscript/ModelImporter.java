package io.coinfer.splitnn.torchscript;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validates a TorchScript model package and registers it in a {@link ModelStore}.
 *
 * <p>Validation: the manifest parses; every module loads; for a seeded random batch, {@code
 * head_k(x)} has the manifest's shape at point k, {@code tail_k(head_k(x))} has the shape of {@code
 * full(x)} (batch x classes), and agrees with it within {@value #TOLERANCE}.
 */
public final class ModelImporter {

  /** Largest allowed absolute difference between a split and the whole network. */
  public static final float TOLERANCE = 1e-4f;

  private ModelImporter() {}

  /**
   * What validation found at one point.
   *
   * @param point partition point 1..4
   * @param featureShape the shape {@code head_k} produced for one image
   * @param maxAbsDifference largest |tail_k(head_k(x)) - full(x)| over the batch
   */
  public record PointCheck(int point, List<Long> featureShape, double maxAbsDifference) {}

  /**
   * Validates a package folder.
   *
   * @return one check per point
   * @throws IOException when a file is missing or does not load
   * @throws IllegalArgumentException naming the point and the rule broken
   */
  public static List<PointCheck> validate(Path dir) throws IOException {
    ModelManifest manifest = ModelStore.readManifest(dir);
    List<PointCheck> checks = new ArrayList<>();
    try (SplitModel model = TorchScriptSplitModel.load(dir, manifest);
        NDManager manager = NDManager.newBaseManager()) {
      manager.getEngine().setRandomSeed(7);
      long[] in = manifest.input().shape();
      NDArray x = manager.randomNormal(new Shape(2, in[0], in[1], in[2]));
      NDArray full = model.forward(x);
      Shape expected = new Shape(2, manifest.labels().size());
      if (!full.getShape().equals(expected)) {
        throw new IllegalArgumentException(
            "full.pt gives " + full.getShape() + " but the manifest's labels need " + expected);
      }
      for (int k = 1; k <= 4; k++) {
        NDArray feature = model.head(k, x, false);
        Shape announced = new Shape(2).addAll(model.featureShape(k));
        if (!feature.getShape().equals(announced)) {
          throw new IllegalArgumentException(
              "head_"
                  + k
                  + ".pt gives "
                  + feature.getShape()
                  + " but the manifest says "
                  + announced);
        }
        NDArray logits = model.tail(k, feature, false);
        if (!logits.getShape().equals(expected)) {
          throw new IllegalArgumentException(
              "tail_" + k + ".pt gives " + logits.getShape() + ", expected " + expected);
        }
        float diff = logits.sub(full).abs().max().getFloat();
        if (!(diff <= TOLERANCE)) {
          throw new IllegalArgumentException(
              "point " + k + " differs from full.pt by " + diff + " (> " + TOLERANCE + ")");
        }
        List<Long> shape = new ArrayList<>();
        for (long d : model.featureShape(k).getShape()) {
          shape.add(d);
        }
        checks.add(new PointCheck(k, shape, diff));
      }
    }
    return checks;
  }

  /**
   * Validates a package and copies it into the store under its model id (replacing an earlier
   * import of the same id).
   *
   * @return the folder in the store
   */
  public static Path register(Path dir, ModelStore store) throws IOException {
    validate(dir);
    ModelManifest manifest = ModelStore.readManifest(dir);
    Path target = store.modelDir(manifest.modelId());
    if (target.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
      return target;
    }
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }
}
