package io.coinfer.splitnn.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PcaWarmStartTest {

  @Test
  void shouldFindTheLargestEigenvectorsOfASymmetricMatrix() {
    // Given diag(1, 5, 3, 0.5): the top-2 eigenvectors are the axes 1 and 2
    double[] m = new double[16];
    double[] d = {1, 5, 3, 0.5};
    for (int i = 0; i < 4; i++) {
      m[i * 4 + i] = d[i];
    }
    float[] q = PcaWarmStart.topEigenvectors(m, 4, 2);
    assertThat(Math.abs(q[1 * 2])).isCloseTo(1f, Offset.offset(1e-4f));
    assertThat(Math.abs(q[2 * 2 + 1])).isCloseTo(1f, Offset.offset(1e-4f));
  }

  @Test
  void shouldReconstructExactlyAFeatureThatLiesInTheProjectionSubspace() {
    // Given a codec 4 -> 2 channels set to project onto channels 0 and 3 around a mean
    CodecInfo info =
        new CodecInfo("m", "m/p1", 1, new CodecSpec(1, 4, 2, 8), List.of(4, 2, 2), false);
    try (FeatureCodec codec = new FeatureCodec(info);
        NDManager manager = NDManager.newBaseManager()) {
      float[] basis = {1, 0, 0, 0, 0, 0, 0, 1}; // rows: channels; columns: components
      float[] mean = {0.5f, -1f, 2f, 3f};
      codec.setProjection(basis, mean);
      // features vary only along channels 0 and 3; channels 1 and 2 sit at their means
      float[] x = new float[16];
      for (int p = 0; p < 4; p++) {
        x[p] = p * 0.7f;
        x[4 + p] = -1f;
        x[8 + p] = 2f;
        x[12 + p] = 1f - p;
      }
      NDArray feature = manager.create(x, new Shape(1, 4, 2, 2));
      // When encoded and decoded without quantisation
      float[] back = codec.decode(codec.encode(feature, false), false).toFloatArray();
      // Then the feature comes back
      for (int i = 0; i < 16; i++) {
        assertThat(back[i]).isCloseTo(x[i], Offset.offset(1e-5f));
      }
    }
  }
}
