package io.coinfer.gateway.job;

import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The gateway's per-task metrics: {@code coinfer.task.latency} (end-to-end, seconds), {@code
 * coinfer.task.model.latency} (UE compute + transmit in the system model, seconds) and {@code
 * coinfer.ue.energy} (joules), all histograms tagged net, point and policy; {@code
 * coinfer.jobs.accepted} by kind and {@code coinfer.jobs.failed} by reason.
 */
@Component
class TaskMetrics {

  private final MeterRegistry registry;

  TaskMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Registered at zero so that dashboards show 0 rather than no data before the first failure.
    for (FailureReason reason : FailureReason.values()) {
      failed(reason.name());
    }
    refusedCounter();
  }

  void accepted(String kind) {
    Counter.builder("coinfer.jobs.accepted")
        .description("Jobs accepted by the gateway")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  void refused() {
    refusedCounter().increment();
  }

  private Counter refusedCounter() {
    return Counter.builder("coinfer.jobs.refused")
        .description(
            "Submissions refused with 429 because the gateway's pending jobs were at its limit")
        .register(registry);
  }

  private Counter failed(String reason) {
    return Counter.builder("coinfer.jobs.failed")
        .description("Jobs that ended failed, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  void completed(ResultEvent result) {
    if (result.status() == JobStatus.FAILED) {
      failed(String.valueOf(result.reason())).increment();
      return;
    }
    Tags tags =
        Tags.of(
            "net",
            String.valueOf(result.net()),
            "point",
            result.decision() == null ? "none" : Integer.toString(result.decision().point()),
            "policy",
            result.decision() == null ? "none" : result.decision().policyId());
    Timer.builder("coinfer.task.latency")
        .description("End-to-end latency of a job, submission to result")
        .tags(tags)
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos((long) (result.endToEndS() * 1e9)));
    DistributionSummary.builder("coinfer.task.model.latency")
        .description("Latency of a job in the system model: UE compute plus transmit")
        .baseUnit("seconds")
        .tags(tags)
        .publishPercentileHistogram()
        .register(registry)
        .record(result.modelLatencyS());
    if (result.accounting() != null) {
      DistributionSummary.builder("coinfer.ue.energy")
          .description("UE energy of a job: compute plus transmit")
          .baseUnit("joules")
          .tags(tags)
          .publishPercentileHistogram()
          .register(registry)
          .record(result.accounting().energyJ());
    }
  }
}
