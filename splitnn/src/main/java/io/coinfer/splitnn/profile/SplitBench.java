package io.coinfer.splitnn.profile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.model.SplitModel;
import java.util.ArrayList;
import java.util.List;

/** Times the head and tail of a split model at points 1..4 for one image at a time. */
public final class SplitBench {

  private SplitBench() {}

  /**
   * Median times at one point.
   *
   * @param point partition point 1..4
   * @param headMs median milliseconds of {@code head_k} for one image
   * @param tailMs median milliseconds of {@code tail_k} for one image
   */
  public record PointTimes(int point, double headMs, double tailMs) {}

  /** Times every point with a seeded random image. */
  public static List<PointTimes> run(SplitModel model, int repeats) {
    List<PointTimes> out = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      long[] in = model.input().shape();
      NDArray x = manager.randomNormal(new Shape(1, in[0], in[1], in[2]));
      for (int k = 1; k <= 4; k++) {
        int point = k;
        NDArray feature = model.head(point, x, false);
        double head = Stopwatch.medianSeconds(repeats, x, image -> model.head(point, image, false));
        double tail = Stopwatch.medianSeconds(repeats, feature, f -> model.tail(point, f, false));
        out.add(new PointTimes(point, 1e3 * head, 1e3 * tail));
      }
    }
    return out;
  }
}
