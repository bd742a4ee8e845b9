package io.coinfer.splitnn.train;

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

class CodecLossTest {

  @Test
  void shouldKeepTheSmoothL1GradientThroughAGarbageCollectionBeforeBackward()
      throws InterruptedException {
    try (NDManager root = NDManager.newBaseManager()) {
      NDArray w = root.create(new float[] {0.5f, 3f});
      w.setRequiresGradient(true);
      for (int trial = 0; trial < 3; trial++) {
        try (NDManager mb = root.newSubManager()) {
          NDArray target = mb.zeros(w.getShape());
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            // Given the weighted reconstruction loss 0.1 * smoothL1(w, 0), built in the forward
            // pass
            NDArray loss = CodecTrainer.times(CodecTrainer.smoothL1(w, target), 0.1f);

            // When a garbage collection runs before the backward pass and new direct buffers full
            // of NaN take whatever native memory it freed
            System.gc();
            Thread.sleep(100);
            List<ByteBuffer> reuse = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
              reuse.add(
                  ByteBuffer.allocateDirect(4)
                      .order(ByteOrder.nativeOrder())
                      .putFloat(0, Float.NaN));
            }
            gc.backward(loss);
            assertThat(reuse).hasSize(1000);
          }

          // Then the gradient is still 0.1 * d(mean smooth-L1)/dw: (0.5 / 2, 1 / 2) * 0.1
          try (NDArray grad = w.getGradient()) {
            assertThat(grad.toFloatArray()).containsExactly(0.025f, 0.05f);
            grad.subi(grad);
          }
        }
      }
    }
  }
}
