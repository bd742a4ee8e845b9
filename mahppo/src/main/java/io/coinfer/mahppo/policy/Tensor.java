package io.coinfer.mahppo.policy;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named float tensor in row-major order: the plain-Java form of one network parameter.
 *
 * @param name the parameter's name, e.g. {@code actor.trunk0.w}
 * @param shape its dimensions; the product equals {@code data.length}
 * @param data its values, row-major (the array is shared, not copied)
 */
public record Tensor(String name, int[] shape, float[] data) {

  /** Checks that the shape matches the data. */
  public Tensor {
    Objects.requireNonNull(name, "name");
    long size = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            name + ": dimensions must be > 0: " + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          name
              + ": shape "
              + Arrays.toString(shape)
              + " needs "
              + size
              + " values, got "
              + data.length);
    }
  }

  /** Returns a zero tensor of the given shape. */
  public static Tensor zeros(String name, int... shape) {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    return new Tensor(name, shape.clone(), new float[size]);
  }

  /** Returns a deep copy. */
  public Tensor copy() {
    return new Tensor(name, shape.clone(), data.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t
        && name.equals(t.name)
        && Arrays.equals(shape, t.shape)
        && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
  }
}
