package io.coinfer.orchestrator.slot;

import io.coinfer.contracts.api.SlotView;
import io.coinfer.contracts.events.DecisionCorrection;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.SlotNumber;
import io.coinfer.contracts.messaging.EventPublisher;
import io.coinfer.orchestrator.config.OrchestratorSettings;
import io.coinfer.orchestrator.policy.PolicyRegistry;
import io.coinfer.orchestrator.policy.PolicySpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The slot clock: at every slot boundary it runs the {@link DecisionStep} for every UE and
 * publishes to {@code coinfer.decisions} the decisions that changed, plus a heartbeat of each
 * unchanged one every {@code heartbeat-slots} slots ({@link PublishedDecisions}). Slots are
 * numbered from the wall clock ({@link SlotNumber}), so after a restart the numbers go on above the
 * previous run's. A slot is decided once: a tick that comes late (a starved CPU, a pause) decides
 * the slot it falls in, and the catch-up ticks for the same slot are skipped. Metrics: {@code
 * coinfer.slot.decision.time} (the decision step), {@code coinfer.decisions} (decisions made) by
 * point, policy and source, {@code coinfer.decisions.published}, {@code coinfer.transmit.power}
 * (watts, decisions that transmit), {@code coinfer.orchestrator.ues} and {@code
 * coinfer.policy.beta} (the energy weight the policies schedule for).
 */
@Component
public class SlotClock implements SmartLifecycle {

  /** The output binding to {@code coinfer.decisions}. */
  public static final String DECISIONS_OUT = "decisions-out-0";

  private static final Logger LOG = LoggerFactory.getLogger(SlotClock.class);

  /**
   * How long stopping waits for a running tick, seconds: the clock stops before the output bindings
   * (lifecycle phase), so a tick that finishes in time still publishes its decisions.
   */
  private static final long STOP_WAIT_S = 10;

  private final DecisionStep step;
  private final EventPublisher publisher;
  private final PolicyRegistry policies;
  private final MeterRegistry meters;
  private final long periodNanos;
  private final Duration length;
  private final AtomicLong lastSlot = new AtomicLong(Long.MIN_VALUE);
  private final PublishedDecisions published;
  private final Timer decisionTime;
  private final Counter publishedCount;
  private final DistributionSummary power;
  private volatile ScheduledExecutorService executor;
  private volatile SlotView latest;
  private volatile List<DecisionEvent> latestDecisions = List.of();

  SlotClock(
      UeBook book,
      PolicyRegistry policies,
      EventPublisher publisher,
      MeterRegistry meters,
      OrchestratorSettings settings) {
    this.step = new DecisionStep(book, policies, settings.slot().staleAfter());
    this.publisher = publisher;
    this.policies = policies;
    this.meters = meters;
    this.length = settings.slot().length();
    this.periodNanos = length.toNanos();
    this.published = new PublishedDecisions(settings.slot().heartbeatSlots());
    this.publishedCount =
        Counter.builder("coinfer.decisions.published")
            .description("Decisions published: the changed ones and the heartbeats")
            .register(meters);
    this.decisionTime =
        Timer.builder("coinfer.slot.decision.time")
            .description("Wall-clock time of one slot's decision step for all UEs")
            .publishPercentileHistogram()
            .register(meters);
    this.power =
        DistributionSummary.builder("coinfer.transmit.power")
            .description("Decided transmit power of decisions that transmit (points 0-4)")
            .baseUnit("watts")
            .serviceLevelObjectives(0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 1.0)
            .register(meters);
    Gauge.builder("coinfer.orchestrator.ues", book, UeBook::size)
        .description("Registered UEs the orchestrator decides for")
        .register(meters);
    Gauge.builder("coinfer.policy.beta", policies, PolicyRegistry::beta)
        .description("Energy weight of the objective the policies schedule for (J against s)")
        .register(meters);
  }

  /** Runs one slot now (the clock calls this at every boundary). */
  void tick() {
    Instant start = Instant.now();
    // ticks are due at slot boundaries: the nearest boundary names the slot, whichever side of it
    // the tick fired
    long slot = SlotNumber.at(start.plus(length.dividedBy(2)), length);
    if (lastSlot.getAndAccumulate(slot, Math::max) >= slot) {
      return;
    }
    long t0 = System.nanoTime();
    List<DecisionEvent> decisions = step.decide(slot, start);
    long elapsed = System.nanoTime() - t0;
    decisionTime.record(elapsed, TimeUnit.NANOSECONDS);
    Map<Integer, Integer> byPoint = new TreeMap<>();
    int fallbacks = 0;
    for (DecisionEvent d : published.toPublish(slot, decisions)) {
      publisher.publish(DECISIONS_OUT, d.ueId(), d, null);
      published.published(d);
      publishedCount.increment();
    }
    for (DecisionEvent d : decisions) {
      byPoint.merge(d.point(), 1, Integer::sum);
      fallbacks += d.source().isFallback() ? 1 : 0;
      Counter.builder("coinfer.decisions")
          .description("Decisions made (one per UE per slot), by point, policy and source")
          .tag("point", Integer.toString(d.point()))
          .tag("policy", d.policyId())
          .tag("source", d.source().name())
          .register(meters)
          .increment();
      for (DecisionCorrection rule : d.corrections()) {
        Counter.builder("coinfer.decisions.corrected")
            .description("Rules the active policy's actions broke (clamped or handed to fallback)")
            .tag("reason", rule.name())
            .register(meters)
            .increment();
      }
      if (d.point() < 5) {
        power.record(d.powerW());
      }
    }
    PolicySpec active = policies.active();
    latestDecisions = List.copyOf(decisions);
    latest =
        new SlotView(
            slot,
            start,
            elapsed / 1e6,
            decisions.size(),
            active.id(),
            active.version(),
            fallbacks,
            byPoint);
  }

  /**
   * The last slot run.
   *
   * @return its summary, or empty before the first slot
   */
  public Optional<SlotView> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * The decisions of the last slot.
   *
   * @return one per UE
   */
  public List<DecisionEvent> latestDecisions() {
    return latestDecisions;
  }

  @Override
  public void start() {
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "slot-clock");
              t.setDaemon(true);
              return t;
            });
    // the first tick at the next slot boundary of the wall clock
    Instant now = Instant.now();
    long sinceBoundary =
        Math.floorMod(now.getEpochSecond() * 1_000_000_000L + now.getNano(), periodNanos);
    clock.scheduleAtFixedRate(
        this::safeTick, periodNanos - sinceBoundary, periodNanos, TimeUnit.NANOSECONDS);
    executor = clock;
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.error("slot failed; the clock keeps running", e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService clock = executor;
    executor = null;
    if (clock != null) {
      clock.shutdown(); // no new tick; the one running publishes its decisions
      try {
        if (!clock.awaitTermination(STOP_WAIT_S, TimeUnit.SECONDS)) {
          clock.shutdownNow();
        }
      } catch (InterruptedException e) {
        clock.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
