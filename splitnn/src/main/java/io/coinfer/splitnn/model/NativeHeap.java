package io.coinfer.splitnn.model;

import com.sun.jna.Function;
import com.sun.jna.Platform;

/**
 * Keeps the native memory that libtorch frees inside the process for reuse, instead of glibc giving
 * it back to the OS after every call.
 *
 * <p>glibc's malloc serves a block above its mmap threshold with a fresh mapping and gives the free
 * top of a heap back to the OS once it exceeds the trim threshold; both start at 128 KiB and adapt
 * upwards only now and then. A split model's activations at 224x224 are a few MiB per image
 * (resnet18's first convolution alone writes 3.2 MiB), so every call got them as new zero-filled
 * pages: about 1,700 page faults per resnet18 {@code head_1} call on the 2-core build machine,
 * about a third of its CPU time. Fixed thresholds (mmap only above 32 MiB, the most glibc takes;
 * trim only above 128 MiB of free top) keep those pages. A thread other than the process's first
 * allocates from its own arena, made of 64 MiB heaps, and glibc unmaps such a heap as soon as it is
 * entirely free whatever the trim threshold, unless the heap before it lacks room for the top pad:
 * with the default pad, a call whose activations spilled into a new heap got it back as fresh pages
 * on every such call (392-1,569 faults on about a third of resnet18 {@code head_1} calls, varying
 * from process to process with where the weights had left the heap's end). A 64 MiB top pad keeps
 * those heaps. The price is that the process's resident memory stays near its peak. {@code
 * -Dcoinfer.keepFreedNativeMemory=false} leaves glibc's defaults. Calls {@code mallopt} through
 * JNA, which DJL brings.
 */
public final class NativeHeap {

  /** The system property that switches this off with {@code false}. */
  public static final String PROPERTY = "coinfer.keepFreedNativeMemory";

  /** Blocks up to this many bytes come from the heap, larger ones from their own mapping. */
  static final int MMAP_THRESHOLD_BYTES = 32 << 20;

  /** Free memory at the top of a heap is given back to the OS only above this many bytes. */
  static final int TRIM_THRESHOLD_BYTES = 128 << 20;

  /**
   * Extra bytes glibc keeps when it grows or trims a heap; at least a thread arena's heap size (64
   * MiB), so that a thread arena's heap that becomes entirely free is kept, not unmapped.
   */
  static final int TOP_PAD_BYTES = 64 << 20;

  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;

  private static boolean inForce;

  private NativeHeap() {}

  /**
   * Sets the thresholds above on Linux unless {@link #PROPERTY} is {@code false}; idempotent.
   *
   * @return whether they are in force (false elsewhere, when switched off, or without glibc)
   */
  public static synchronized boolean keepFreedMemory() {
    if (inForce || !Platform.isLinux() || "false".equals(System.getProperty(PROPERTY))) {
      return inForce;
    }
    try {
      Function mallopt = Function.getFunction("c", "mallopt");
      // mallopt returns 1 on success
      inForce =
          mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES}) == 1
              && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES}) == 1
              && mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD_BYTES}) == 1;
    } catch (UnsatisfiedLinkError e) {
      inForce = false;
    }
    return inForce;
  }
}
