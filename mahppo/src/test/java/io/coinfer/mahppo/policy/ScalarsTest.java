package io.coinfer.mahppo.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarsTest {

  @Test
  void shouldKeepTheConstantsOfTheGraphAliveThroughAGarbageCollectionBeforeBackward()
      throws InterruptedException {
    try (NDManager root = NDManager.newBaseManager()) {
      NDArray w = root.create(new float[] {1f});
      w.setRequiresGradient(true);
      for (int trial = 0; trial < 3; trial++) {
        try (NDManager mb = root.newSubManager()) {
          NDArray x = mb.create(new float[] {2f});
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            // Given y = (x w * 3) / 4, built in the forward pass
            NDArray y = Scalars.dividedBy(Scalars.times(x.mul(w), 3), 4);

            // When a garbage collection runs before the backward pass and new direct buffers
            // full of NaN take whatever native memory it freed
            System.gc();
            Thread.sleep(100);
            List<ByteBuffer> reuse = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
              reuse.add(
                  ByteBuffer.allocateDirect(4)
                      .order(ByteOrder.nativeOrder())
                      .putFloat(0, Float.NaN));
            }
            gc.backward(y.sum());
            assertThat(reuse).hasSize(1000);
          }

          // Then the gradient is still x * 3 / 4 (DJL's x.mul(3) gave 0 here in 10 of 10 trials)
          try (NDArray grad = w.getGradient()) {
            assertThat(grad.getFloat(0)).isEqualTo(1.5f);
            grad.subi(grad);
          }
        }
      }
    }
  }
}
