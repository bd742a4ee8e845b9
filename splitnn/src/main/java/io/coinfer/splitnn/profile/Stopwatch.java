package io.coinfer.splitnn.profile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Function;

/** Times engine work: seconds of repeated runs after warm-up runs. */
public final class Stopwatch {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What a run's seconds count. */
  public enum Clock {
    /** Elapsed real time ({@link System#nanoTime()}). */
    WALL,
    /**
     * CPU time of the calling thread, user and system ({@code CLOCK_THREAD_CPUTIME_ID}): with the
     * engine on one intra-op thread the whole forward call runs on the caller, and this clock does
     * not count time slices that other processes take from it.
     */
    CPU;

    /** The clock's reading in nanoseconds (only differences mean anything). */
    public long nanos() {
      return this == WALL ? System.nanoTime() : THREADS.getCurrentThreadCpuTime();
    }
  }

  private Stopwatch() {}

  /**
   * Runs {@code step} {@code repeats + 2} times and returns the median seconds of the last {@code
   * repeats}, as {@link #secondsEach} does.
   */
  public static double medianSeconds(int repeats, NDArray input, Function<NDArray, Object> step) {
    return median(secondsEach(2, repeats, input, step));
  }

  /**
   * Runs {@code step} {@code warmUpRuns + runs} times and returns the seconds of each of the last
   * {@code runs}. Each run gets its own copy of {@code input} in a fresh manager (closed after the
   * run, so nothing accumulates; the copy is not timed). The copy is made by the engine ({@link
   * NDArray#duplicate()}, what PyTorch's {@code clone()} does), not from a Java array: DJL would
   * stage that in a direct buffer that lives until the next garbage collection, and with glibc's
   * default thresholds (see {@code NativeHeap}) those buffers scattered the native heap so that the
   * step's own arrays landed on fresh pages (about 2,000 page faults and 6-10 ms more per resnet18
   * {@code head_1} call). A returned {@link NDArray} is copied into a Java array inside the timed
   * part, so that the engine has finished and the result is usable.
   *
   * @param warmUpRuns untimed runs first, at least 0
   * @param runs timed runs, at least 1
   */
  public static double[] secondsEach(
      int warmUpRuns, int runs, NDArray input, Function<NDArray, Object> step) {
    return secondsEach(Clock.WALL, warmUpRuns, runs, input, step);
  }

  /** As {@link #secondsEach(int, int, NDArray, Function)}, reading {@code clock}. */
  public static double[] secondsEach(
      Clock clock, int warmUpRuns, int runs, NDArray input, Function<NDArray, Object> step) {
    if (runs < 1 || warmUpRuns < 0) {
      throw new IllegalArgumentException(
          "need at least 1 timed run and no negative warm-up, got " + runs + " / " + warmUpRuns);
    }
    double[] seconds = new double[runs];
    for (int i = -warmUpRuns; i < runs; i++) {
      try (NDManager scope = NDManager.newBaseManager()) {
        NDArray copy = input.duplicate();
        copy.attach(scope);
        long t0 = clock.nanos();
        Object result = step.apply(copy);
        if (result instanceof NDArray array) {
          array.toFloatArray();
        }
        long t1 = clock.nanos();
        if (i >= 0) {
          seconds[i] = (t1 - t0) / 1e9;
        }
      }
    }
    return seconds;
  }

  /** The median of {@code values} (the upper one of the middle two for an even count). */
  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
