package io.coinfer.splitnn.profile;

import com.sun.jna.Function;
import com.sun.jna.Platform;
import java.util.BitSet;

/**
 * Reads and sets the calling thread's CPU affinity ({@code sched_getaffinity} / {@code
 * sched_setaffinity} through JNA, Linux only).
 *
 * <p>{@link SplitBench} pins its timing thread to one CPU before it starts the PyTorch side, which
 * inherits the mask, so that both sides run on the same core: unpinned, the JVM's engine thread and
 * the child settle on whichever cores they woke on, and another busy process on one core then slows
 * only one side for the whole run (DJL 1.4-3x slower on every module while PyTorch's times stayed
 * as usual, on the shared 2-core build machine).
 */
public final class CpuAffinity {

  /** CPUs a mask may name: {@code CPU_SETSIZE} of glibc. */
  private static final int MAX_CPUS = 1024;

  private CpuAffinity() {}

  /** Whether this platform has the calls (Linux with glibc). */
  public static boolean supported() {
    return Platform.isLinux();
  }

  /**
   * The CPUs the calling thread may run on.
   *
   * @throws IllegalStateException off Linux or if the call fails
   */
  public static BitSet currentThread() {
    long[] mask = new long[MAX_CPUS / Long.SIZE];
    call("sched_getaffinity", mask);
    return BitSet.valueOf(mask);
  }

  /**
   * Restricts the calling thread to {@code cpus}; processes it starts afterwards inherit that.
   *
   * @param cpus at least one CPU number in 0..1023 that the thread is allowed
   * @throws IllegalArgumentException if {@code cpus} is empty or out of range
   * @throws IllegalStateException off Linux or if the call fails (e.g. a CPU outside the process's
   *     cgroup or {@code taskset} mask)
   */
  public static void pinCurrentThread(BitSet cpus) {
    if (cpus.isEmpty() || cpus.length() > MAX_CPUS) {
      throw new IllegalArgumentException("need CPUs in 0.." + (MAX_CPUS - 1) + ", got " + cpus);
    }
    long[] mask = new long[MAX_CPUS / Long.SIZE];
    long[] words = cpus.toLongArray();
    System.arraycopy(words, 0, mask, 0, words.length);
    call("sched_setaffinity", mask);
  }

  private static void call(String name, long[] mask) {
    if (!supported()) {
      throw new IllegalStateException(name + " needs Linux");
    }
    // pid 0: the calling thread
    int rc =
        Function.getFunction("c", name)
            .invokeInt(new Object[] {0, (long) mask.length * Long.BYTES, mask});
    if (rc != 0) {
      throw new IllegalStateException(name + " failed (" + rc + ") for " + BitSet.valueOf(mask));
    }
  }
}
