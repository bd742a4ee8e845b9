package io.coinfer.splitnn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MemoryLayoutTest {

  @Test
  void shouldKeepShapeAndValuesInBothDirections() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Given a batch of two 3-channel 4x5 images with distinct values
      NDArray x = manager.arange(2f * 3 * 4 * 5).reshape(2, 3, 4, 5);
      // When it is put channels-last and back
      NDArray channelsLast = MemoryLayout.CHANNELS_LAST.apply(x);
      NDArray back = MemoryLayout.CONTIGUOUS.apply(channelsLast);
      // Then the logical array is the same each time, element for element
      assertThat(channelsLast.getShape()).isEqualTo(new Shape(2, 3, 4, 5));
      assertThat(channelsLast.toFloatArray()).containsExactly(x.toFloatArray());
      assertThat(back.getShape()).isEqualTo(x.getShape());
      assertThat(back.toFloatArray()).containsExactly(x.toFloatArray());
      // And element (n, c, h, w) is still at that index after an engine op on the new layout
      assertThat(channelsLast.add(0).get(1, 2, 3, 4).getFloat())
          .isEqualTo(x.get(1, 2, 3, 4).getFloat());
    }
  }

  @Test
  void shouldRejectAnArrayThatIsNotABatchOfImages() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray features = manager.ones(new Shape(2, 8));
      assertThatThrownBy(() -> MemoryLayout.CHANNELS_LAST.apply(features))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(N, C, H, W)")
          .hasMessageContaining("(2, 8)");
      assertThat(MemoryLayout.CONTIGUOUS.apply(features).getShape()).isEqualTo(new Shape(2, 8));
    }
  }
}
