package io.coinfer.splitnn.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SplitEquivalenceTest {

  private static List<String> labels(int n) {
    return IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void shouldEqualFullForwardWhenTailRunsOnHeadOutputAtEveryPoint(Architecture arch) {
    // Given a randomly initialised network on a small input
    Engine.getInstance().setRandomSeed(7);
    try (DjlSplitModel model = DjlSplitModel.create("t", arch, InputSpec.rgb(32), labels(5));
        NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.randomNormal(new Shape(2, 3, 32, 32));
      NDArray full = model.forward(x);
      assertThat(full.getShape()).isEqualTo(new Shape(2, 5));
      for (int point = 0; point <= 5; point++) {
        // When the head runs to the point and the tail from it
        NDArray feature = model.head(point, x, false);
        NDArray logits = model.tail(point, feature, false);
        // Then the feature has the announced shape and the logits equal the full forward
        assertThat(feature.getShape().slice(1)).isEqualTo(model.featureShape(point));
        assertThat(logits.sub(full).abs().max().getFloat())
            .as("%s point %d", arch, point)
            .isLessThanOrEqualTo(1e-5f);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "RESNET18, 1, 64, 56, 56",
    "RESNET18, 2, 128, 28, 28",
    "RESNET18, 3, 256, 14, 14",
    "RESNET18, 4, 512, 7, 7",
    "RESNET18_NARROW, 1, 16, 56, 56",
    "RESNET18_NARROW, 2, 32, 28, 28",
    "RESNET18_NARROW, 3, 64, 14, 14",
    "RESNET18_NARROW, 4, 128, 7, 7",
    "VGG11, 1, 64, 112, 112",
    "VGG11, 2, 128, 56, 56",
    "VGG11, 3, 256, 28, 28",
    "VGG11, 4, 512, 14, 14",
    "MOBILENETV2, 1, 16, 112, 112",
    "MOBILENETV2, 2, 24, 56, 56",
    "MOBILENETV2, 3, 32, 28, 28",
    "MOBILENETV2, 4, 64, 14, 14"
  })
  void shouldHaveThePapersFeatureShapeWhenInputIs224(
      Architecture arch, int point, long c, long h, long w) {
    // Given a network built for 224x224 images (shapes inferred, nothing is run)
    try (DjlSplitModel model = DjlSplitModel.create("t", arch, InputSpec.rgb(224), labels(101))) {
      // Then the feature at the point has the shape behind the paper's bits column
      assertThat(model.featureShape(point)).isEqualTo(new Shape(c, h, w));
      assertThat(model.featureShape(0)).isEqualTo(new Shape(3, 224, 224));
      assertThat(model.featureShape(5)).isEqualTo(new Shape(101));
    }
  }
}
