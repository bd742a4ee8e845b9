package io.coinfer.mahppo.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamTest {

  @Test
  void shouldTakeBiasCorrectedStepsOfTheLearningRateForAConstantGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Given w = 1 and the loss 0.5 w (a constant gradient 0.5)
      NDArray w = m.create(new float[] {1f});
      w.setRequiresGradient(true);
      try (Adam adam = new Adam(Map.of("w", w), m, 0.9, 0.999, 1e-8)) {
        for (int step = 1; step <= 3; step++) {
          try (NDManager mb = m.newSubManager()) {
            NDArray x = mb.create(new float[] {0.5f});
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              gc.backward(x.mul(w).sum());
            }
            // When one Adam step of learning rate 0.1 is applied
            adam.nextStep();
            adam.update("w", w, 0.1, 1.0);
          }
          // Then a constant gradient moves w by exactly the learning rate per step
          assertThat(w.getFloat(0)).isCloseTo(1f - 0.1f * step, within(1e-5f));
        }
        assertThat(adam.steps()).isEqualTo(3);
      }
    }
  }
}
