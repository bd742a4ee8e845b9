package io.coinfer.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coinfer.contracts.Topics;
import io.coinfer.contracts.api.JobAccepted;
import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.gateway.e2e.KafkaBroker;
import io.coinfer.gateway.e2e.Platform;
import io.coinfer.gateway.e2e.Platform.Service;
import io.coinfer.gateway.e2e.TinySplitModel;
import io.coinfer.kafka.EmbeddedKafkaBroker;
import io.coinfer.splitnn.runtime.SplitRuntime;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform under faults, on one in-JVM KRaft broker that can be stopped and restarted on the
 * same port and log directory: a service stopped while 200 jobs are in flight and started again
 * (same consumer groups), the orchestrator away for longer than compression-service keeps a
 * decision, the broker restarted. The platform's guarantee, asserted exactly: every job the gateway
 * accepted (202) ends in exactly one terminal result, and under these faults (valid jobs, no bad
 * input) that result is DONE with the top-5 of a direct run of the same model files at the point
 * the result names; none is lost, and duplicates that at-least-once delivery puts on {@code
 * coinfer.results} carry the same answer and are counted once by the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformFaultsTest {

  private static final int UES = 5;
  private static final int JOBS = 200;
  private static final String POLICY = "fixed:2:0.5";
  private static final int POINT = 2;
  private static final Duration SLOT = Duration.ofMillis(200);
  private static final int KEEP_SLOTS = 15;
  private static final Duration KEEP = SLOT.multipliedBy(KEEP_SLOTS);
  private static final Duration SETTLE = Duration.ofSeconds(120);

  @TempDir static Path tmp;

  private EmbeddedKafkaBroker kafka;
  private Platform platform;
  private SplitRuntime direct;
  private final List<UeRegistration> ues = new ArrayList<>();
  private final AtomicInteger images = new AtomicInteger();

  @BeforeAll
  void startPlatformAndRegisterUes() throws IOException {
    Path modelDir = TinySplitModel.write(tmp.resolve("model"));
    direct = SplitRuntime.open(modelDir);
    kafka = EmbeddedKafkaBroker.start(0);
    platform =
        new Platform(
            KafkaBroker.of(kafka),
            modelDir,
            tmp.resolve("store"),
            List.of(
                "--coinfer.orchestrator.slot.length=" + SLOT.toMillis() + "ms",
                // the UEs report no state: keep deciding with the policy, not the stale fallback
                "--coinfer.orchestrator.slot.stale-after=1h",
                "--coinfer.orchestrator.radio.channels=" + UES,
                "--coinfer.orchestrator.policy.active=" + POLICY),
            List.of(
                "--coinfer.compression.decisions.slot-length=" + SLOT.toMillis() + "ms",
                "--coinfer.compression.decisions.keep-slots=" + KEEP_SLOTS));
    for (int i = 0; i < UES; i++) {
      ues.add(platform.registerUe(10 + 20 * i));
    }
    awaitPolicyDecisions();
  }

  /** A failed test leaves no fault behind for the next: the broker and every service run. */
  @AfterEach
  void repair() {
    kafka.restart();
    for (Service service : Service.values()) {
      if (!platform.isRunning(service)) {
        platform.start(service);
      }
    }
  }

  @AfterAll
  void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
    if (direct != null) {
      direct.close();
    }
  }

  @Test
  void shouldEndEveryAcceptedJobOnceWhenInferenceServiceRestartsWithJobsInFlight() {
    Outcome outcome =
        faultWithJobsInFlight(
            () -> platform.stop(Service.INFERENCE), () -> platform.start(Service.INFERENCE), true);
    assertThat(outcome.refused()).isZero();
    assertEveryJobDoneOnce(outcome, "inference-service restart");
  }

  @Test
  void shouldEndEveryAcceptedJobOnceWhenCompressionServiceRestartsWithJobsInFlight() {
    Outcome outcome =
        faultWithJobsInFlight(
            () -> platform.stop(Service.COMPRESSION),
            () -> platform.start(Service.COMPRESSION),
            true);
    assertThat(outcome.refused()).isZero();
    assertEveryJobDoneOnce(outcome, "compression-service restart");
  }

  @Test
  void shouldEndEveryAcceptedJobOnceWhenTheBrokerRestartsWithJobsInFlight() {
    // the broker is away for 3 s while the second half is submitted: a submission either waits for
    // it and is accepted, or is refused, and then was never accepted
    Outcome outcome =
        faultWithJobsInFlight(
            kafka::stop,
            () -> {
              await()
                  .pollDelay(Duration.ofSeconds(3))
                  .atMost(Duration.ofSeconds(4))
                  .until(() -> true);
              kafka.restart();
            },
            false);
    assertThat(outcome.accepted().size()).isGreaterThanOrEqualTo(JOBS / 2);
    assertEveryJobDoneOnce(outcome, "broker restart");
  }

  @Test
  void shouldKeepTheLastDecisionForKeepSlotsThenFallBackAndRecoverWhenTheOrchestratorReturns() {
    // Given decisions of the active policy reach compression-service
    awaitPolicyDecisions();
    UeRegistration ue = ues.get(0);
    JobView before = submitAndWait(ue).view();
    assertThat(before.result().decision().source()).isEqualTo(DecisionSource.POLICY);
    assertThat(before.result().decision().point()).isEqualTo(POINT);

    // When the orchestrator stops
    platform.stop(Service.ORCHESTRATOR);
    DecisionEvent last = lastDecision(ue);

    // Then jobs keep the UE's last decision until it is KEEP_SLOTS slots old ...
    List<Answered> whileAway = new ArrayList<>();
    await()
        .atMost(KEEP.plus(SETTLE))
        .until(
            () -> {
              Answered job = submitAndWait(ue);
              whileAway.add(job);
              return job.view().result().decision().source()
                  == DecisionSource.FALLBACK_STALE_DECISION;
            });
    for (Answered kept : whileAway.subList(0, whileAway.size() - 1)) {
      assertThat(kept.view().result().decision()).isEqualTo(DecisionRef.of(last));
      assertExactAnswer(kept);
    }
    // ... then get the fallback, the paper's initial action, and say so
    Answered fallback = whileAway.get(whileAway.size() - 1);
    DecisionRef fell = fallback.view().result().decision();
    assertThat(fell.point()).isEqualTo(5);
    assertThat(fell.policyId()).isEqualTo("initial");
    assertThat(fell.slot()).isGreaterThanOrEqualTo(last.slot() + KEEP_SLOTS - 1);
    assertThat(fallback.view().result().completedAt()).isAfter(last.decidedAt().plus(KEEP));
    assertExactAnswer(fallback);

    // When the orchestrator starts again (its slot numbers continue above the old ones)
    platform.start(Service.ORCHESTRATOR);

    // Then the UE's jobs run with the policy's decisions again
    Answered[] recovered = new Answered[1];
    await()
        .atMost(SETTLE)
        .until(
            () -> {
              recovered[0] = submitAndWait(ue);
              return recovered[0].view().result().decision().source() == DecisionSource.POLICY;
            });
    assertThat(recovered[0].view().result().decision().point()).isEqualTo(POINT);
    assertThat(recovered[0].view().result().decision().slot()).isGreaterThan(fell.slot());
    assertExactAnswer(recovered[0]);
  }

  /**
   * Half the jobs accepted, then the fault while they are in flight, the other half submitted while
   * it lasts, then the repair.
   *
   * @param fault stops a service or the broker
   * @param repair starts it again
   * @param acceptedWhileAway whether the second half is answered before the repair (a stopped
   *     service: the gateway accepts on), or after it (the broker: the gateway waits for it)
   */
  private Outcome faultWithJobsInFlight(
      Runnable fault, Runnable repair, boolean acceptedWhileAway) {
    awaitPolicyDecisions();
    Outcome outcome = new Outcome(new ConcurrentHashMap<>(), new AtomicInteger());
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      awaitAll(submit(clients, JOBS / 2, outcome));
      fault.run();
      int doneAtFault = countDone(outcome.accepted());
      List<Future<?>> secondHalf = submit(clients, JOBS / 2, outcome);
      if (acceptedWhileAway) {
        awaitAll(secondHalf);
      }
      repair.run();
      awaitAll(secondHalf);
      System.out.printf(
          "faults: %d of the first %d jobs done at the fault; %d accepted, %d refused%n",
          doneAtFault, JOBS / 2, outcome.accepted().size(), outcome.refused());
    } finally {
      clients.shutdown();
    }
    assertThat(outcome.accepted().size() + outcome.refused()).isEqualTo(JOBS);
    return outcome;
  }

  private static void awaitAll(List<Future<?>> submissions) {
    try {
      for (Future<?> f : submissions) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("a submission failed", e.getCause());
    }
  }

  private List<Future<?>> submit(ExecutorService clients, int jobs, Outcome outcome) {
    List<Future<?>> submissions = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      UeRegistration ue = ues.get(i % UES);
      int seed = images.incrementAndGet();
      submissions.add(
          clients.submit(
              () -> {
                byte[] png = TinySplitModel.image(seed);
                HttpResponse<String> response =
                    platform.post(
                        gateway("/api/v1/ues/" + ue.ue().ueId() + "/jobs"),
                        "image/png",
                        png,
                        ue.token());
                if (response.statusCode() == 202) {
                  JobAccepted job = platform.read(response, JobAccepted.class);
                  outcome.accepted().put(job.jobId(), new Submitted(job.jobId(), ue.token(), png));
                } else {
                  outcome.refusedCount().incrementAndGet();
                }
              }));
    }
    return submissions;
  }

  /**
   * Awaits every accepted job's terminal result at the gateway and checks it against the direct run
   * and against what {@code coinfer.results} holds for it.
   */
  private void assertEveryJobDoneOnce(Outcome outcome, String fault) {
    Map<String, Submitted> accepted = outcome.accepted();
    Map<String, JobView> terminal = new ConcurrentHashMap<>();
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (Submitted job : accepted.values()) {
                if (!terminal.containsKey(job.jobId())) {
                  JobView view = view(job);
                  if (view.status() != JobStatus.PENDING) {
                    terminal.put(job.jobId(), view);
                  }
                }
              }
              return terminal.size() == accepted.size();
            });
    Map<String, List<ResultEvent>> published = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : platform.records(Topics.RESULTS)) {
      String jobId = new String(r.key(), StandardCharsets.UTF_8);
      if (accepted.containsKey(jobId)) {
        published
            .computeIfAbsent(jobId, k -> new ArrayList<>())
            .add(platform.read(r.value(), ResultEvent.class));
      }
    }
    int duplicates = 0;
    for (Submitted job : accepted.values()) {
      JobView view = terminal.get(job.jobId());
      ResultEvent result = view.result();
      assertThat(view.status()).as(fault + " " + result).isEqualTo(JobStatus.DONE);
      TinySplitModel.assertSameTop5(
          result.top5(), TinySplitModel.top5(direct, result.decision().point(), job.png()));
      // a later read of the job gives the same result: the first result won for good
      assertThat(view(job).result()).isEqualTo(result);
      List<ResultEvent> all = published.get(job.jobId());
      assertThat(all).as("results of " + job.jobId()).isNotEmpty();
      for (ResultEvent other : all) {
        assertThat(other.status()).isEqualTo(JobStatus.DONE);
        assertThat(other.top5()).isEqualTo(all.get(0).top5());
      }
      duplicates += all.size() - 1;
    }
    System.out.printf(
        "faults: %s: %d jobs, %d done, 0 lost, %d duplicate results on %s (dropped by the gateway)%n",
        fault, accepted.size(), terminal.size(), duplicates, Topics.RESULTS);
  }

  private int countDone(Map<String, Submitted> accepted) {
    int done = 0;
    for (Submitted job : List.copyOf(accepted.values())) {
      done += view(job).status() == JobStatus.DONE ? 1 : 0;
    }
    return done;
  }

  private JobView view(Submitted job) {
    HttpResponse<String> response =
        platform.get(gateway("/api/v1/jobs/" + job.jobId()), job.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return platform.read(response, JobView.class);
  }

  private Answered submitAndWait(UeRegistration ue) {
    byte[] png = TinySplitModel.image(images.incrementAndGet());
    return new Answered(platform.submitAndAwaitDone(ue, png), png);
  }

  private void assertExactAnswer(Answered job) {
    ResultEvent result = job.view().result();
    TinySplitModel.assertSameTop5(
        result.top5(), TinySplitModel.top5(direct, result.decision().point(), job.png()));
  }

  private DecisionEvent lastDecision(UeRegistration ue) {
    HttpResponse<String> response =
        platform.get(gateway("/api/v1/ues/" + ue.ue().ueId() + "/decision"), ue.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return platform.read(response, DecisionEvent.class);
  }

  /** Awaits the active policy's decision for every UE at the gateway, then one slot more. */
  private void awaitPolicyDecisions() {
    platform.awaitDecisions(ues, POLICY, SETTLE);
  }

  private String gateway(String path) {
    return platform.url(Service.GATEWAY, path);
  }

  private record Submitted(String jobId, String token, byte[] png) {}

  /** The jobs the gateway accepted (202), by job id, and how many submissions it refused. */
  private record Outcome(Map<String, Submitted> accepted, AtomicInteger refusedCount) {
    int refused() {
      return refusedCount.get();
    }
  }

  private record Answered(JobView view, byte[] png) {}
}
