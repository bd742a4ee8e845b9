package io.coinfer.mahppo.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Products and quotients of a DJL array and a constant that survive a garbage collection between
 * the forward and the backward pass.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (likewise {@code div}, {@code maximum}, {@code minimum},
 * {@code pow}) wraps the constant in a 0-d tensor over a Java direct buffer and closes that array
 * right after the op. PyTorch's autograd keeps the tensor for the backward pass (the gradient of
 * {@code x * c} is {@code grad * c}), but once a garbage collection frees the buffer, the backward
 * pass reads freed memory: a wrong gradient, or NaN, depending on what reused the memory. The
 * constants here are tensors PyTorch allocates and reference-counts itself ({@code
 * NDManager.full}), so the graph keeps them alive. Use them for every constant that multiplies or
 * divides an array that needs a gradient; {@code add} and {@code sub} of a number are safe as they
 * are, since their backward does not read the constant.
 */
public final class Scalars {

  private Scalars() {}

  /** {@code x * c}, element-wise, on {@code x}'s manager. */
  public static NDArray times(NDArray x, double c) {
    return x.mul(constant(x, c));
  }

  /** {@code x / c}, element-wise, on {@code x}'s manager. */
  public static NDArray dividedBy(NDArray x, double c) {
    return x.div(constant(x, c));
  }

  private static NDArray constant(NDArray x, double c) {
    return x.getManager().full(new Shape(), (float) c);
  }
}
