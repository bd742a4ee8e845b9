package io.coinfer.splitnn.profile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.function.Function;

/** Times engine work: median wall-clock seconds over repeated runs after two warm-up runs. */
public final class Stopwatch {

  private Stopwatch() {}

  /**
   * Runs {@code step} {@code repeats + 2} times and returns the median seconds of the last {@code
   * repeats}. Each run gets its own copy of {@code input} in a fresh manager (closed after the run,
   * so nothing accumulates; the copy is not timed). A returned {@link NDArray} is read back so that
   * the engine has finished.
   */
  public static double medianSeconds(int repeats, NDArray input, Function<NDArray, Object> step) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1");
    }
    double[] seconds = new double[repeats];
    for (int i = -2; i < repeats; i++) {
      try (NDManager scope = NDManager.newBaseManager()) {
        NDArray copy = scope.create(input.toFloatArray(), input.getShape());
        long t0 = System.nanoTime();
        Object result = step.apply(copy);
        if (result instanceof NDArray array) {
          array.toFloatArray();
        }
        long t1 = System.nanoTime();
        if (i >= 0) {
          seconds[i] = (t1 - t0) / 1e9;
        }
      }
    }
    Arrays.sort(seconds);
    return seconds[repeats / 2];
  }
}
