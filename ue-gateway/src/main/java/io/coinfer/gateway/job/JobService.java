package io.coinfer.gateway.job;

import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.FeatureEvent;
import io.coinfer.contracts.events.JobEvent;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.contracts.web.Problems;
import io.coinfer.gateway.config.GatewaySettings;
import io.coinfer.gateway.config.KafkaBindings;
import io.coinfer.gateway.ue.RegisteredUe;
import io.coinfer.gateway.ue.UeRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Accepts jobs, publishes them, and completes them from {@code coinfer.results}. A job is published
 * before it is acknowledged to the client (the jobs binding sends synchronously), and the first
 * result of a job wins: a duplicate result is dropped.
 *
 * <p>Back-pressure: at most {@code maxPending} accepted jobs wait for their result at once; a
 * submission beyond that is refused with 429 and {@code Retry-After} before anything is published,
 * so the gateway's memory stays bounded and nothing accepted is dropped. While the gateway drains
 * at shutdown ({@link #drain}), submissions get 503 with {@code Retry-After}.
 */
@Service
public class JobService {

  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  private final Map<String, TrackedJob> jobs = new ConcurrentHashMap<>();
  private final Queue<String> order = new ConcurrentLinkedQueue<>();
  private final EventPublisher publisher;
  private final UeRegistry ues;
  private final TaskMetrics metrics;
  private final GatewaySettings.Jobs settings;
  private final AtomicInteger pending = new AtomicInteger();

  /** Notified when {@link #pending} reaches 0, for {@link #drain}. */
  private final Object idle = new Object();

  private volatile boolean draining;

  JobService(
      EventPublisher publisher, UeRegistry ues, TaskMetrics metrics, GatewaySettings settings) {
    this.publisher = publisher;
    this.ues = ues;
    this.metrics = metrics;
    this.settings = settings.jobs();
  }

  /**
   * Accepts a raw-image job.
   *
   * @param ue the submitting UE
   * @param contentType the image's media type
   * @param image the encoded image, already within the size limit
   * @return the pending job
   */
  TrackedJob submitImage(RegisteredUe ue, String contentType, byte[] image) {
    ImageCheck.check(image, settings.maxImagePixels());
    reserve();
    TrackedJob job = track(ue.ueId());
    JobEvent event =
        new JobEvent(
            Event.SCHEMA_VERSION,
            job.jobId(),
            ue.ueId(),
            ue.net(),
            ue.deviceProfile(),
            ue.distanceM(),
            ue.pmaxW(),
            contentType,
            image,
            job.submittedAt(),
            ues.latestDecision(ue.ueId()).orElse(null));
    publishOrForget(
        job, () -> publisher.publish(KafkaBindings.JOBS_OUT, ue.ueId(), event, job.jobId()));
    ues.reportOnJob(ue.ueId());
    metrics.accepted("image");
    return job;
  }

  /**
   * Accepts a feature the UE compressed itself, with the UE's own accounting, under its latest
   * decision.
   *
   * @param ue the submitting UE
   * @param point the partition point it ran to, 1 to 4
   * @param payload the feature in splitnn's wire format
   * @param accounting the UE-side time and energy it measured
   * @return the pending job
   */
  TrackedJob submitFeature(RegisteredUe ue, int point, byte[] payload, UeAccounting accounting) {
    DecisionEvent decision =
        ues.latestDecision(ue.ueId())
            .orElseThrow(
                () ->
                    Problems.conflict(
                        "UE " + ue.ueId() + " has no decision yet; wait for the next slot"));
    reserve();
    TrackedJob job = track(ue.ueId());
    FeatureEvent event =
        new FeatureEvent(
            Event.SCHEMA_VERSION,
            job.jobId(),
            ue.ueId(),
            ue.net(),
            point,
            FeatureEvent.FEATURE_CONTENT_TYPE,
            payload,
            DecisionRef.of(decision),
            accounting,
            job.submittedAt());
    publishOrForget(
        job, () -> publisher.publish(KafkaBindings.FEATURES_OUT, ue.ueId(), event, job.jobId()));
    ues.reportOnJob(ue.ueId());
    metrics.accepted("feature");
    return job;
  }

  /**
   * A job the gateway remembers.
   *
   * @param jobId the job id
   * @return the job
   * @throws org.springframework.web.ErrorResponseException 404 if unknown
   */
  TrackedJob get(String jobId) {
    TrackedJob job = jobs.get(jobId);
    if (job == null) {
      throw Problems.notFound("job " + jobId + " is unknown");
    }
    return job;
  }

  /**
   * The job's view once it is terminal or the wait is over, whichever comes first.
   *
   * @param job the job
   * @param wait how long to wait, capped at the configured maximum
   * @return the view, pending if the wait ran out
   */
  CompletableFuture<JobView> await(TrackedJob job, Duration wait) {
    Duration capped = wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
    return job.result()
        .thenApply(r -> job.view())
        .completeOnTimeout(job.view(), capped.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Completes a job from its result; a duplicate or unknown result is dropped.
   *
   * @param result the result from {@code coinfer.results}
   */
  public void onResult(ResultEvent result) {
    TrackedJob job = jobs.get(result.jobId());
    if (job == null) {
      LOG.warn("result for unknown job {} dropped", result.jobId());
      return;
    }
    if (job.result().complete(result)) {
      release();
      metrics.completed(result);
    }
  }

  /**
   * @return accepted jobs without a result now
   */
  public int pending() {
    return pending.get();
  }

  /**
   * Stops accepting jobs (503 from now on) and waits until every pending job has its result or the
   * timeout has passed.
   *
   * @param timeout the longest wait
   * @return the jobs still pending when it returned (0: drained)
   */
  public int drain(Duration timeout) {
    draining = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      long left;
      while (pending.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return pending.get();
  }

  /** One pending job less; wakes {@link #drain} when none is left. */
  private void release() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /** Accepts jobs again after {@link #drain} (a restarted context). */
  void resume() {
    draining = false;
  }

  private void reserve() {
    if (draining) {
      throw Problems.unavailable(
          "the gateway is shutting down and accepts no new jobs", settings.retryAfter());
    }
    int now = pending.incrementAndGet();
    if (now > settings.maxPending()) {
      pending.decrementAndGet();
      metrics.refused();
      throw Problems.tooManyRequests(
          "the gateway holds "
              + settings.maxPending()
              + " pending jobs, its limit; retry after the Retry-After seconds",
          settings.retryAfter());
    }
  }

  private TrackedJob track(String ueId) {
    TrackedJob job =
        new TrackedJob(
            UUID.randomUUID().toString(), ueId, Instant.now(), new CompletableFuture<>());
    jobs.put(job.jobId(), job);
    order.add(job.jobId());
    forgetOldest();
    return job;
  }

  private void publishOrForget(TrackedJob job, Runnable publish) {
    try {
      publish.run();
    } catch (RuntimeException e) {
      jobs.remove(job.jobId());
      release();
      throw e;
    }
  }

  private void forgetOldest() {
    int excess = jobs.size() - settings.retained();
    for (int i = 0; i < excess; i++) {
      String oldest = order.poll();
      if (oldest == null) {
        return;
      }
      TrackedJob job = jobs.get(oldest);
      if (job != null && job.result().isDone()) {
        jobs.remove(oldest);
      } else if (job != null) {
        order.add(oldest);
      }
    }
  }

  /**
   * A job the gateway tracks.
   *
   * @param jobId the job id
   * @param ueId the UE that submitted it
   * @param submittedAt when it was accepted
   * @param result completed with the first result
   */
  record TrackedJob(
      String jobId, String ueId, Instant submittedAt, CompletableFuture<ResultEvent> result) {

    JobView view() {
      ResultEvent r = result.getNow(null);
      return new JobView(jobId, ueId, r == null ? JobStatus.PENDING : r.status(), submittedAt, r);
    }
  }
}
