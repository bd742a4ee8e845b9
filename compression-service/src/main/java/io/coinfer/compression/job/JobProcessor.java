package io.coinfer.compression.job;

import io.coinfer.compression.accounting.UeCostModel;
import io.coinfer.compression.config.CompressionSettings;
import io.coinfer.compression.model.DeviceProfileCatalogue;
import io.coinfer.contracts.events.ClassScore;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.EdgeTiming;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.FeatureEvent;
import io.coinfer.contracts.events.JobEvent;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.events.SlotNumber;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.contracts.messaging.JobFailures;
import io.coinfer.contracts.messaging.LatestDecisions;
import io.coinfer.contracts.messaging.RecentIds;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.splitnn.data.ImageFolder;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.wire.FeatureWire;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Service;

/**
 * Runs the UE-side half of a raw-image job under the UE's latest decision and publishes the feature
 * (points 0-4) or the result (point 5). The latest decision is the newer of the one read from
 * {@code coinfer.decisions} and the one the job carries from the gateway ({@link
 * JobEvent#decision()}, for the same UE), so a job that overtakes its UE's first decision on the
 * way here still runs under it. A UE without a decision within the keep window ({@link
 * CompressionSettings.Decisions}: none yet, or the orchestrator is down or late) runs with the
 * paper's initial action (point 5, sub-channel 0, ~0 W), named policy {@code initial}, source
 * {@link DecisionSource#FALLBACK_STALE_DECISION}. A job whose image, net, profile or codec is
 * unusable gets a failed result naming the reason.
 */
@Service
public class JobProcessor {

  /** The output binding to {@code coinfer.features}. */
  public static final String FEATURES_OUT = "features-out-0";

  /** The output binding to {@code coinfer.results}. */
  public static final String RESULTS_OUT = "results-out-0";

  private final LatestDecisions decisions;
  private final SplitModels models;
  private final DeviceProfileCatalogue profiles;
  private final UeCostModel costs;
  private final EventPublisher publisher;
  private final JobFailures failures;
  private final RecentIds seen;
  private final MeterRegistry meters;
  private final Counter duplicates;
  private final CompressionSettings.Decisions keep;

  JobProcessor(
      LatestDecisions decisions,
      SplitModels models,
      DeviceProfileCatalogue profiles,
      UeCostModel costs,
      EventPublisher publisher,
      JobFailures failures,
      RecentIds seen,
      MeterRegistry meters,
      CompressionSettings settings) {
    this.decisions = decisions;
    this.models = models;
    this.profiles = profiles;
    this.costs = costs;
    this.publisher = publisher;
    this.failures = failures;
    this.seen = seen;
    this.meters = meters;
    // Registered at zero so that dashboards show 0 rather than no data before the first one.
    this.duplicates = meters.counter("coinfer.duplicates.dropped", "consumer", "compression");
    this.keep = settings.decisions();
  }

  /**
   * Processes one job; a job id seen before is dropped. An unexpected error fails the job with
   * {@link FailureReason#INTERNAL_ERROR} and is rethrown (the binder dead-letters the message).
   *
   * @param job the job
   */
  public void process(JobEvent job) {
    if (!seen.firstTime(job.jobId())) {
      duplicates.increment();
      return;
    }
    try {
      run(job);
    } catch (RuntimeException e) {
      fail(job, null, FailureReason.INTERNAL_ERROR, e.toString());
      throw e;
    }
  }

  private void run(JobEvent job) {
    Instant now = Instant.now();
    if (job.decision() != null && job.decision().ueId().equals(job.ueId())) {
      // the decision the gateway held: kept only if newer than the one read from the topic
      decisions.record(job.decision());
    }
    DecisionRef decision =
        decisions
            .current(job.ueId(), now, keep.keep())
            .map(DecisionRef::of)
            .orElseGet(
                () ->
                    new DecisionRef(
                        SlotNumber.at(now, keep.slotLength()),
                        Net.LOCAL_POINT,
                        0,
                        Action.MIN_POWER_WATTS,
                        "initial",
                        "builtin",
                        DecisionSource.FALLBACK_STALE_DECISION));
    Optional<SplitRuntime> runtime = models.of(job.net());
    Optional<DeviceProfile> profile = profiles.of(job.deviceProfile());
    Net net;
    try {
      net = Net.parse(job.net());
    } catch (IllegalArgumentException e) {
      net = null;
    }
    if (runtime.isEmpty() || net == null) {
      fail(job, decision, FailureReason.UNKNOWN_MODEL, "net " + job.net() + " is not served");
      return;
    }
    if (profile.isEmpty() || !profile.get().covers(net)) {
      fail(
          job,
          decision,
          FailureReason.UNKNOWN_MODEL,
          "device profile " + job.deviceProfile() + " has no rows for " + job.net());
      return;
    }
    int point = decision.point();
    if (point >= 1 && point <= 4 && !runtime.get().hasCodec(point)) {
      fail(job, decision, FailureReason.UNKNOWN_CODEC, "no codec at point " + point);
      return;
    }
    byte[] chw;
    try {
      chw = toChw(job.image(), runtime.get().input().height());
    } catch (IOException | RuntimeException e) {
      fail(
          job, decision, FailureReason.BAD_IMAGE, "the image cannot be decoded: " + e.getMessage());
      return;
    }
    Timer.Sample sample = Timer.start(meters);
    UeAccounting accounting =
        costs.account(job.ueId(), profile.get(), net, job.distanceM(), decision, System.nanoTime());
    if (point == Net.LOCAL_POINT) {
      long t0 = System.nanoTime();
      float[] logits = runtime.get().classify(List.of(chw))[0];
      double headS = (System.nanoTime() - t0) / 1e9;
      publishLocalResult(job, decision, accounting, runtime.get(), logits, headS);
    } else {
      long t0 = System.nanoTime();
      byte[] payload =
          point == Net.EDGE_POINT
              ? job.image()
              : FeatureWire.write(runtime.get().encode(point, List.of(chw)).get(0));
      double headS = point == Net.EDGE_POINT ? 0 : (System.nanoTime() - t0) / 1e9;
      FeatureEvent feature =
          new FeatureEvent(
              Event.SCHEMA_VERSION,
              job.jobId(),
              job.ueId(),
              job.net(),
              point,
              point == Net.EDGE_POINT ? job.contentType() : FeatureEvent.FEATURE_CONTENT_TYPE,
              payload,
              decision,
              accounting,
              job.submittedAt(),
              headS);
      publisher.publish(FEATURES_OUT, job.ueId(), feature, job.jobId());
    }
    sample.stop(
        Timer.builder("coinfer.compression.time")
            .description("Wall-clock time of the UE-side half of a job on this service")
            .tag("net", job.net())
            .tag("point", Integer.toString(point))
            .register(meters));
  }

  private void publishLocalResult(
      JobEvent job,
      DecisionRef decision,
      UeAccounting accounting,
      SplitRuntime runtime,
      float[] logits,
      double headS) {
    Instant now = Instant.now();
    ResultEvent result =
        new ResultEvent(
            Event.SCHEMA_VERSION,
            job.jobId(),
            job.ueId(),
            job.net(),
            JobStatus.DONE,
            ClassScore.topK(logits, runtime.labels(), 5),
            decision,
            accounting,
            new EdgeTiming(0, 0, 0, headS),
            accounting.latencyS(),
            Math.max(0, ResultEvent.seconds(job.submittedAt(), now)),
            null,
            null,
            now);
    publisher.publish(RESULTS_OUT, job.jobId(), result, job.jobId());
  }

  private void fail(JobEvent job, DecisionRef decision, FailureReason reason, String detail) {
    failures.fail(job.jobId(), job.ueId(), job.net(), decision, reason, detail, job.submittedAt());
  }

  private static byte[] toChw(byte[] image, int size) throws IOException {
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
    if (decoded == null) {
      throw new IOException("no image reader recognises it");
    }
    return ImageFolder.toChw(decoded, size);
  }
}
