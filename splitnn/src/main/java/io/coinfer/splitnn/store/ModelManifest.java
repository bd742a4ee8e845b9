package io.coinfer.splitnn.store;

import io.coinfer.splitnn.model.InputSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a model folder: what the model is and what it expects.
 *
 * <p>Two formats share it: {@code djl} (a built-in architecture with {@code backbone.params}) and
 * {@code torchscript} (an imported package with {@code head_k.pt} and {@code tail_k.pt} for every
 * point k in 1..4). Example:
 *
 * <pre>{@code
 * {"formatVersion": 1, "modelId": "tiny-cnn", "format": "torchscript",
 *  "input": {"channels": 3, "height": 32, "width": 32,
 *            "mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25]},
 *  "labels": ["a", "b", "c"],
 *  "points": [{"point": 1, "shape": [8, 16, 16]}, ...],
 *  "provenance": {"createdBy": "make_fixture.py"}}
 * }</pre>
 *
 * @param formatVersion manifest format version, 1
 * @param modelId the model id (folder name in the store)
 * @param format {@code djl} or {@code torchscript}
 * @param architecture the built-in family for {@code djl} (e.g. {@code resnet18}); null otherwise
 * @param input input size and normalisation (square images)
 * @param labels class labels, one per logit
 * @param points the feature shape {@code [C, H, W]} of one image at points 1..4
 * @param provenance free-form facts: data set, seed, epochs, accuracy, command, date
 */
public record ModelManifest(
    int formatVersion,
    String modelId,
    String format,
    String architecture,
    InputSpec input,
    List<String> labels,
    List<PointShape> points,
    Map<String, String> provenance) {

  /** The current manifest format version. */
  public static final int FORMAT_VERSION = 1;

  /** Format name of built-in DJL models. */
  public static final String DJL = "djl";

  /** Format name of imported TorchScript packages. */
  public static final String TORCHSCRIPT = "torchscript";

  /** Validates the manifest. */
  public ModelManifest {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "unknown manifest formatVersion " + formatVersion + "; this version reads 1");
    }
    if (modelId == null || !modelId.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException(
          "modelId must be 1-100 letters, digits, '.', '_' or '-', was " + modelId);
    }
    if (!DJL.equals(format) && !TORCHSCRIPT.equals(format)) {
      throw new IllegalArgumentException("format must be djl or torchscript, was " + format);
    }
    if (DJL.equals(format) && architecture == null) {
      throw new IllegalArgumentException("a djl model needs an architecture");
    }
    if (input == null || input.height() != input.width()) {
      throw new IllegalArgumentException("input must be given and square");
    }
    if (labels == null || labels.size() < 2) {
      throw new IllegalArgumentException("a model needs at least two labels");
    }
    labels = List.copyOf(labels);
    points = List.copyOf(points == null ? List.of() : points);
    for (int k = 1; k <= 4; k++) {
      int point = k;
      if (points.stream().filter(p -> p.point() == point).count() != 1) {
        throw new IllegalArgumentException("manifest must list point " + k + " exactly once");
      }
    }
    provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
  }

  /** The feature shape at a point 1..4. */
  public List<Integer> shapeAt(int point) {
    return points.stream()
        .filter(p -> p.point() == point)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no point " + point))
        .shape();
  }

  /**
   * The feature shape at one point.
   *
   * @param point partition point 1..4
   * @param shape {@code [C, H, W]} for one image
   */
  public record PointShape(int point, List<Integer> shape) {

    /** Validates the shape. */
    public PointShape {
      shape = List.copyOf(shape);
      if (point < 1 || point > 4 || shape.size() != 3 || shape.stream().anyMatch(d -> d < 1)) {
        throw new IllegalArgumentException(
            "point must be 1..4 with a positive [C, H, W] shape, was " + point + " " + shape);
      }
    }
  }
}
