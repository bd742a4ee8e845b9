package io.coinfer.splitnn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * How the elements of an (N, C, H, W) array lie in memory when it enters a module. The logical
 * shape and values never change, only the strides, so the module's result is the same up to float
 * rounding; the speed is not. libtorch picks its kernels by the input's layout: on this machine's
 * CPU (one thread) traced resnet18 heads ran 1.2-4.2x faster from a channels-last image (head_1 1.7
 * ms against 7.0 in libtorch 2.7.1: its NCHW max-pool is a scalar loop, its NHWC one vectorised),
 * while its tails ran 1.1-1.5x slower from a channels-last feature. DJL has no call for a memory
 * format, so both directions are made from reshapes, which copy where a view cannot be had.
 */
public enum MemoryLayout {
  /** Row-major NCHW, the default of every engine. */
  CONTIGUOUS {
    @Override
    public NDArray apply(NDArray x) {
      // flattening a non-contiguous array copies it in logical (NCHW) order; a contiguous one is
      // only viewed
      return x.reshape(-1).reshape(x.getShape());
    }
  },
  /** NHWC in memory behind the NCHW shape: PyTorch's {@code torch.channels_last}. */
  CHANNELS_LAST {
    @Override
    public NDArray apply(NDArray x) {
      Shape s = requireImageBatch(x);
      return x.transpose(0, 2, 3, 1)
          .reshape(-1)
          .reshape(s.get(0), s.get(2), s.get(3), s.get(1))
          .transpose(0, 3, 1, 2);
    }
  };

  /**
   * The same array in this layout: a new array in {@code x}'s manager (a view of {@code x} where no
   * copy is needed).
   *
   * @param x an (N, C, H, W) array for {@link #CHANNELS_LAST}; any array for {@link #CONTIGUOUS}
   */
  public abstract NDArray apply(NDArray x);

  private static Shape requireImageBatch(NDArray x) {
    if (x.getShape().dimension() != 4) {
      throw new IllegalArgumentException(
          "a channels-last layout needs an (N, C, H, W) array, got shape " + x.getShape());
    }
    return x.getShape();
  }
}
