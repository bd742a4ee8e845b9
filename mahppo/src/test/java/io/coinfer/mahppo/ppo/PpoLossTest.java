package io.coinfer.mahppo.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PpoLossTest {

  @Test
  void shouldEqualTheHandComputedClippedSurrogateOnATinyBatch() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Given one agent, three samples with ratios e^0.5, e^-0.5, e^0.1 and advantages 1, -1, 2
      NDArray newLogp = m.create(new float[] {0.5f, -0.5f, 0.1f}, new Shape(1, 3));
      NDArray oldLogp = m.zeros(new Shape(1, 3));
      NDArray adv = m.create(new float[] {1f, -1f, 2f});
      NDArray mask = m.ones(new Shape(1, 3));

      // When
      float loss = PpoLoss.clippedSurrogate(newLogp, oldLogp, adv, mask, 0.2).getFloat(0);

      // Then min(rho A, clip(rho) A) per sample: 1.2 (clipped above), -0.8 (clipped at 0.8 is
      // the smaller for a negative advantage), 2 e^0.1 (inside the range); the loss is minus
      // their mean
      double expected = -(1.2 - 0.8 + 2 * Math.exp(0.1)) / 3;
      assertThat(loss).isCloseTo((float) expected, within(1e-6f));
    }
  }

  @Test
  void shouldAverageOnlyOverUnmaskedSamples() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Given two samples of which the second is masked out (a point-5 sample)
      NDArray newLogp = m.create(new float[] {0.1f, 3f}, new Shape(1, 2));
      NDArray oldLogp = m.zeros(new Shape(1, 2));
      NDArray adv = m.create(new float[] {1f, 1f});
      NDArray mask = m.create(new float[] {1f, 0f}, new Shape(1, 2));

      // When
      float loss = PpoLoss.clippedSurrogate(newLogp, oldLogp, adv, mask, 0.2).getFloat(0);

      // Then only the first sample counts: -min(e^0.1, 1.2) * 1
      assertThat(loss).isCloseTo((float) -Math.exp(0.1), within(1e-6f));
    }
  }

  @Test
  void shouldGiveOnePowerLogProbabilityPerSample() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Given 2 agents x 4 samples of powers, means and stds
      NDArray x =
          m.create(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f}, new Shape(2, 4));
      NDArray mean = x.add(0.1f);
      NDArray std = m.full(new Shape(2, 4), 0.5f);

      // When
      NDArray logp = PpoLoss.gaussianLogProb(x, mean, std);

      // Then one value per sample (no [B, B] broadcast as in the published code), each the
      // log-density of N(x; x + 0.1, 0.5)
      assertThat(logp.getShape()).isEqualTo(new Shape(2, 4));
      double expected = -0.5 * 0.04 - Math.log(0.5) - 0.5 * Math.log(2 * Math.PI);
      for (float v : logp.toFloatArray()) {
        assertThat(v).isCloseTo((float) expected, within(1e-5f));
      }
    }
  }
}
