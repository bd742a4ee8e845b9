package io.coinfer.splitnn.model;

/**
 * Sets the PyTorch engine's thread pools before DJL loads it: one intra-op and one inter-op thread
 * unless {@code -Dai.djl.pytorch.num_threads} / {@code num_interop_threads} or the environment
 * variable {@code COINFER_TORCH_THREADS} say otherwise. One thread per predictor measured fastest
 * on the shared 2-core build machine, where several JVMs run at once.
 *
 * <p>These properties do not keep every kernel on one thread: without {@code OMP_NUM_THREADS=1} a
 * training still uses a second core (its epochs run about a third faster on an idle machine), and
 * its OpenMP threads spin at their barriers, so next to another busy process it crawls (an epoch
 * took 235 s instead of 5 s; with {@code OMP_WAIT_POLICY=PASSIVE} or one thread it did not). The
 * {@code coinfer} launcher, the container image and the Maven tests set {@code OMP_NUM_THREADS=1};
 * set it yourself when running the jar.
 */
public final class TorchThreads {

  private TorchThreads() {}

  /** Applies the defaults; a no-op once the engine has started. Idempotent. */
  public static void configure() {
    String threads = System.getenv().getOrDefault("COINFER_TORCH_THREADS", "1");
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", threads);
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }
}
