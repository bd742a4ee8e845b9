package io.coinfer.inference.batch;

import io.coinfer.contracts.events.ClassScore;
import io.coinfer.contracts.events.EdgeTiming;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.FeatureEvent;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.contracts.messaging.JobFailures;
import io.coinfer.inference.config.InferenceSettings;
import io.coinfer.inference.feature.FeatureValidator.ValidFeature;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Dynamic micro-batching of the tail. Validated features wait in a bounded queue; one worker takes
 * the first, then more until {@code maxBatchSize} or until the first has waited {@code maxWait},
 * groups the batch by net and point (features of different UEs share a group) and runs each group
 * in one call: dequantise + decoder + tail at points 1-4, the whole net on raw images at point 0.
 * Metrics: {@code coinfer.tail.batch.size}, {@code coinfer.tail.queue.wait}, {@code
 * coinfer.tail.time}.
 *
 * <p>Delivery: each queued feature carries a {@code settled} callback (the consumer's manual
 * acknowledgement of its record), which the batcher runs only once the feature's result, done or
 * failed, has been published, in queue order after the whole micro-batch. A feature whose result
 * cannot be published is never settled, so its record is redelivered after a restart instead of
 * being lost (a crash, even {@code kill -9}, loses no queued feature).
 *
 * <p>Shutdown: before the input bindings stop, {@code FeaturesDrain} pauses the features binding
 * and waits for {@link #awaitSettled} (so the consumer commits the last acknowledgements when it
 * stops); the batcher itself stops in lifecycle phase {@link #PHASE}, after the input bindings and
 * before the output bindings (so it can still publish): it runs what is still queued, publishes the
 * results and only then reports itself stopped.
 */
@Component
public class MicroBatcher implements SmartLifecycle {

  /** The output binding to {@code coinfer.results}. */
  public static final String RESULTS_OUT = "results-out-0";

  /**
   * The lifecycle phase: between Spring Cloud Stream's input bindings ({@code Integer.MAX_VALUE -
   * 3000}, stopped earlier) and its output bindings ({@code Integer.MIN_VALUE + 1000}, stopped
   * later).
   */
  public static final int PHASE = 0;

  private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);
  private static final long IDLE_POLL_MS = 50;

  private final BlockingQueue<Queued> queue;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final EventPublisher publisher;
  private final JobFailures failures;
  private final MeterRegistry meters;
  private final DistributionSummary batchSize;
  private final Timer queueWait;

  /** Features submitted and not yet through their batch; {@link #settledMonitor} wakes waiters. */
  private final AtomicInteger unsettled = new AtomicInteger();

  private final Object settledMonitor = new Object();
  private volatile boolean running;
  private volatile CompletableFuture<Void> exited = CompletableFuture.completedFuture(null);

  MicroBatcher(
      InferenceSettings settings,
      EventPublisher publisher,
      JobFailures failures,
      MeterRegistry meters) {
    this.queue = new ArrayBlockingQueue<>(settings.batching().queueCapacity());
    this.maxBatch = settings.batching().maxBatchSize();
    this.maxWaitNanos = settings.batching().maxWait().toNanos();
    this.publisher = publisher;
    this.failures = failures;
    this.meters = meters;
    this.batchSize =
        DistributionSummary.builder("coinfer.tail.batch.size")
            .description("Features per tail call")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32)
            .register(meters);
    this.queueWait =
        Timer.builder("coinfer.tail.queue.wait")
            .description("Time a validated feature waited for its micro-batch")
            .publishPercentileHistogram()
            .register(meters);
  }

  /**
   * Queues a validated feature; blocks while the queue is full (back-pressure: the consumer stops
   * polling its partitions until the tail catches up).
   *
   * @param feature the feature
   * @param settled run once the feature's result (done or failed) is published, on the batcher's
   *     thread; never run if that result cannot be published
   * @throws InterruptedException if interrupted while waiting for room
   * @throws IllegalStateException if the batcher is not running (it has stopped or drains)
   */
  public void submit(ValidFeature feature, Runnable settled) throws InterruptedException {
    if (!running) {
      throw new IllegalStateException(
          "the tail batcher is not running; job " + feature.event().jobId() + " not queued");
    }
    unsettled.incrementAndGet();
    try {
      queue.put(new Queued(feature, settled, System.nanoTime()));
    } catch (InterruptedException e) {
      throughBatch(1);
      throw e;
    }
  }

  /**
   * Waits until every feature submitted so far has been through its batch (its result published and
   * settled, or, if that failed, given up).
   *
   * @param timeout the longest wait
   * @return true if none is left, false if the timeout passed first
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitSettled(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (settledMonitor) {
      long left;
      while (unsettled.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(settledMonitor, left);
      }
    }
    return unsettled.get() == 0;
  }

  private void throughBatch(int features) {
    if (unsettled.addAndGet(-features) == 0) {
      synchronized (settledMonitor) {
        settledMonitor.notifyAll();
      }
    }
  }

  /**
   * @return features queued for the tail now
   */
  public int queued() {
    return queue.size();
  }

  private void runWorker(CompletableFuture<Void> done) {
    List<Queued> batch = new ArrayList<>(maxBatch);
    try {
      while (true) {
        Queued first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (!running) {
            return; // stopped and drained
          }
          continue;
        }
        batch.add(first);
        long deadline = running ? first.enqueuedNanos() + maxWaitNanos : 0;
        while (batch.size() < maxBatch) {
          long left = deadline - System.nanoTime();
          Queued next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        try {
          runBatch(batch);
        } finally {
          throughBatch(batch.size());
          batch.clear();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("tail batcher interrupted with {} features queued", batch.size() + queue.size());
    } finally {
      done.complete(null);
    }
  }

  private void runBatch(List<Queued> batch) {
    long dequeued = System.nanoTime();
    Map<String, List<Queued>> groups = new LinkedHashMap<>();
    for (Queued q : batch) {
      queueWait.record(dequeued - q.enqueuedNanos(), TimeUnit.NANOSECONDS);
      FeatureEvent e = q.feature().event();
      groups.computeIfAbsent(e.net() + '|' + e.point(), k -> new ArrayList<>()).add(q);
    }
    Set<Queued> published = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Queued> group : groups.values()) {
      try {
        runGroup(group, dequeued);
        published.addAll(group);
      } catch (RuntimeException ex) {
        LOG.error("tail failed for a batch of {}", group.size(), ex);
        for (Queued q : group) {
          if (failTail(q.feature().event(), ex)) {
            published.add(q);
          }
        }
      }
    }
    for (Queued q : batch) {
      if (published.contains(q)) {
        settle(q);
      }
    }
  }

  private static void settle(Queued q) {
    try {
      q.settled().run();
    } catch (RuntimeException e) {
      // e.g. the partition was reassigned meanwhile: the record comes again, its result is a
      // duplicate the gateway drops
      LOG.warn("job {}: its record could not be acknowledged", q.feature().event().jobId(), e);
    }
  }

  /** Publishes a failed result for a feature whose tail failed; false if even that failed. */
  private boolean failTail(FeatureEvent e, RuntimeException cause) {
    try {
      failures.fail(
          e.jobId(),
          e.ueId(),
          e.net(),
          e.decision(),
          FailureReason.INTERNAL_ERROR,
          "the tail failed: " + cause.getMessage(),
          e.submittedAt());
      return true;
    } catch (RuntimeException publishFailed) {
      LOG.error(
          "job {}: no result could be published; its feature stays unacknowledged and comes again"
              + " after a restart",
          e.jobId(),
          publishFailed);
      return false;
    }
  }

  private void runGroup(List<Queued> group, long dequeued) {
    ValidFeature head = group.get(0).feature();
    SplitRuntime runtime = head.runtime();
    int point = head.event().point();
    long t0 = System.nanoTime();
    float[][] logits =
        point == 0
            ? runtime.classify(group.stream().map(q -> q.feature().imageChw()).toList())
            : runtime.decode(point, group.stream().map(q -> q.feature().feature()).toList());
    long tailNanos = System.nanoTime() - t0;
    batchSize.record(group.size());
    Timer.builder("coinfer.tail.time")
        .description("Wall-clock time of one tail call (decode + tail) for a micro-batch")
        .tag("net", head.event().net())
        .tag("point", Integer.toString(point))
        .register(meters)
        .record(tailNanos, TimeUnit.NANOSECONDS);
    Instant now = Instant.now();
    for (int i = 0; i < group.size(); i++) {
      FeatureEvent e = group.get(i).feature().event();
      if (!allFinite(logits[i])) {
        // a finite but extreme quantisation range (e.g. +-3e38) overflows the tail
        failures.fail(
            e.jobId(),
            e.ueId(),
            e.net(),
            e.decision(),
            FailureReason.NON_FINITE_VALUES,
            "the tail produced non-finite scores for this feature",
            e.submittedAt());
        continue;
      }
      EdgeTiming edge =
          new EdgeTiming(
              (dequeued - group.get(i).enqueuedNanos()) / 1e9,
              tailNanos / 1e9,
              group.size(),
              e.headS());
      ResultEvent result =
          new ResultEvent(
              Event.SCHEMA_VERSION,
              e.jobId(),
              e.ueId(),
              e.net(),
              JobStatus.DONE,
              ClassScore.topK(logits[i], runtime.labels(), 5),
              e.decision(),
              e.accounting(),
              edge,
              e.accounting().latencyS(),
              Math.max(0, ResultEvent.seconds(e.submittedAt(), now)),
              null,
              null,
              now);
      publisher.publish(RESULTS_OUT, e.jobId(), result, e.jobId());
    }
  }

  private static boolean allFinite(float[] values) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    exited = done;
    running = true;
    Thread t = new Thread(() -> runWorker(done), "tail-batcher");
    t.setDaemon(true);
    t.start();
  }

  /** Stops taking features and returns once the queued ones are published. */
  @Override
  public void stop() {
    stop(() -> {});
    exited.join();
  }

  /**
   * Stops taking features; the callback runs once the queued ones are published (Spring waits for
   * it up to {@code spring.lifecycle.timeout-per-shutdown-phase}).
   *
   * @param callback told when the batcher has drained
   */
  @Override
  public synchronized void stop(Runnable callback) {
    running = false;
    LOG.info("tail batcher draining {} queued features", queue.size());
    exited.whenComplete((v, e) -> callback.run());
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private record Queued(ValidFeature feature, Runnable settled, long enqueuedNanos) {}
}
