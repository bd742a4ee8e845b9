package io.coinfer.inference.config;

import io.coinfer.inference.batch.MicroBatcher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.SmartLifecycle;

/**
 * The graceful stop of the features intake. It stops before the input bindings: it pauses the
 * features binding (no new feature is delivered) and waits until the tail batcher has published and
 * acknowledged every feature it holds, so that the binding's consumer commits those
 * acknowledgements when it stops. Without it they would reach a consumer that has gone, and the
 * features would be consumed and answered a second time after a restart.
 */
final class FeaturesDrain implements SmartLifecycle {

  /** The input binding of {@code coinfer.features}. */
  static final String FEATURES_IN = "features-in-0";

  /** Stops before Spring Cloud Stream's input bindings ({@code Integer.MAX_VALUE - 3000}). */
  static final int PHASE = Integer.MAX_VALUE - 2000;

  private static final Logger LOG = LoggerFactory.getLogger(FeaturesDrain.class);

  private final BindingsLifecycleController bindings;
  private final MicroBatcher batcher;
  private final Duration timeout;
  private volatile boolean running;
  private volatile boolean paused;

  /**
   * @param bindings the bindings controller
   * @param batcher the tail batcher
   * @param timeout the longest wait for the batcher
   */
  FeaturesDrain(BindingsLifecycleController bindings, MicroBatcher batcher, Duration timeout) {
    this.bindings = bindings;
    this.batcher = batcher;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    if (paused) {
      bindings.resume(FEATURES_IN);
      paused = false;
    }
    running = true;
  }

  @Override
  public void stop() {
    pause();
    awaitBatcher();
  }

  @Override
  public void stop(Runnable callback) {
    pause();
    CompletableFuture.runAsync(this::awaitBatcher).whenComplete((v, e) -> callback.run());
  }

  private void pause() {
    running = false;
    bindings.pause(FEATURES_IN);
    paused = true;
  }

  private void awaitBatcher() {
    try {
      if (!batcher.awaitSettled(timeout)) {
        LOG.warn("the tail batcher still held features after {}", timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
