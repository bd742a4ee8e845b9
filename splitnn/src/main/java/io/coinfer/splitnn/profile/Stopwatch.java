package io.coinfer.splitnn.profile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
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
   * part, so that the engine has finished and the result is usable: in one copy, from the engine's
   * memory into an array that the runs share, as Python's {@code tensor.numpy().copy()} does into
   * memory that malloc hands back run after run. {@link NDArray#toFloatArray()} would copy twice
   * into two new arrays, and in a fresh JVM each lands on eden pages not touched before (about 200
   * page faults and 0.4-0.5 ms more per resnet18 {@code head_1} call, a quarter of its forward
   * time).
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
    float[] sink = new float[0];
    for (int i = -warmUpRuns; i < runs; i++) {
      try (NDManager scope = NDManager.newBaseManager()) {
        NDArray copy = input.duplicate();
        copy.attach(scope);
        long t0 = clock.nanos();
        Object result = step.apply(copy);
        if (result instanceof NDArray array) {
          sink = read(array, sink);
        }
        long t1 = clock.nanos();
        if (i >= 0) {
          seconds[i] = (t1 - t0) / 1e9;
        }
      }
    }
    return seconds;
  }

  /**
   * Copies {@code array}'s elements, as floats in logical order, into {@code sink}, or into a new
   * array when they do not fit it.
   *
   * @return the array holding them
   */
  static float[] read(NDArray array, float[] sink) {
    NDArray floats =
        array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
    // a view of the engine's memory where the array is contiguous, else of a contiguous copy
    FloatBuffer data = floats.toByteBuffer(true).asFloatBuffer();
    float[] out = sink.length == data.remaining() ? sink : new float[data.remaining()];
    data.get(out);
    return out;
  }

  /** The median of {@code values} (the upper one of the middle two for an even count). */
  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
