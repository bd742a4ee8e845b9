package io.coinfer.gateway.job;

import io.coinfer.gateway.config.GatewaySettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's part of a graceful shutdown. It stops first (lifecycle phase {@code
 * Integer.MAX_VALUE}, before the results binding at {@code Integer.MAX_VALUE - 1000} and the web
 * server): new submissions get 503 with {@code Retry-After}, while the results consumer still runs
 * and completes the jobs already accepted and their {@code ?wait} answers, for up to {@code
 * coinfer.gateway.jobs.drain-timeout}.
 */
@Component
class JobDrain implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(JobDrain.class);

  private final JobService jobs;
  private final Duration timeout;
  private volatile boolean running;

  JobDrain(JobService jobs, GatewaySettings settings) {
    this.jobs = jobs;
    this.timeout = settings.jobs().drainTimeout();
  }

  @Override
  public void start() {
    jobs.resume();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    int before = jobs.pending();
    int left = jobs.drain(timeout);
    if (left > 0) {
      LOG.warn(
          "shutdown: {} of {} pending jobs still without a result after {}", left, before, timeout);
    } else if (before > 0) {
      LOG.info("shutdown: all {} pending jobs finished", before);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
