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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
 */
@Component
public class MicroBatcher implements SmartLifecycle {

  /** The output binding to {@code coinfer.results}. */
  public static final String RESULTS_OUT = "results-out-0";

  private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);

  private final BlockingQueue<Queued> queue;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final EventPublisher publisher;
  private final JobFailures failures;
  private final MeterRegistry meters;
  private final DistributionSummary batchSize;
  private final Timer queueWait;
  private volatile Thread worker;

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
   * Queues a validated feature; blocks while the queue is full.
   *
   * @param feature the feature
   * @throws InterruptedException if interrupted while waiting for room
   */
  public void submit(ValidFeature feature) throws InterruptedException {
    queue.put(new Queued(feature, System.nanoTime()));
  }

  private void runWorker() {
    List<Queued> batch = new ArrayList<>(maxBatch);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Queued first = queue.take();
        batch.add(first);
        long deadline = first.enqueuedNanos() + maxWaitNanos;
        while (batch.size() < maxBatch) {
          long left = deadline - System.nanoTime();
          Queued next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        runBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        batch.clear();
      }
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
    for (List<Queued> group : groups.values()) {
      try {
        runGroup(group, dequeued);
      } catch (RuntimeException ex) {
        LOG.error("tail failed for a batch of {}", group.size(), ex);
        for (Queued q : group) {
          FeatureEvent e = q.feature().event();
          failures.fail(
              e.jobId(),
              e.ueId(),
              e.net(),
              e.decision(),
              FailureReason.INTERNAL_ERROR,
              "the tail failed: " + ex.getMessage(),
              e.submittedAt());
        }
      }
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
      EdgeTiming edge =
          new EdgeTiming(
              (dequeued - group.get(i).enqueuedNanos()) / 1e9, tailNanos / 1e9, group.size());
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

  @Override
  public void start() {
    Thread t = new Thread(this::runWorker, "tail-batcher");
    t.setDaemon(true);
    worker = t;
    t.start();
  }

  @Override
  public void stop() {
    Thread t = worker;
    worker = null;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }

  private record Queued(ValidFeature feature, long enqueuedNanos) {}
}
