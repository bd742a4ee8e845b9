package io.coinfer.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coinfer.contracts.api.JobAccepted;
import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.RegisterUeRequest;
import io.coinfer.contracts.api.StateReport;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.api.UeView;
import io.coinfer.contracts.events.ClassScore;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.EdgeTiming;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.report.RunSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fleet's protocol against a scripted gateway on a real HTTP server: the first job of every
 * three finishes within the wait (200), the others are accepted (202) and finish on the first poll,
 * except job 4, which never finishes and must be counted as lost. The gateway holds a decision for
 * every UE from its registration on, unless a test withholds them ({@code decideAtRegistration}).
 */
class FleetTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HttpServer server;
  private final AtomicInteger jobs = new AtomicInteger();
  private final Map<String, String> ueOfToken = new ConcurrentHashMap<>();
  private final Map<String, String> ueOfJob = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Map<String, List<StateReport>> reports = new ConcurrentHashMap<>();
  private final Map<String, Double> registeredDistances = new ConcurrentHashMap<>();
  private final Map<String, Submitted> refusals = new ConcurrentHashMap<>();
  private final Map<String, Submitted> firstAccepted = new ConcurrentHashMap<>();
  private final Set<String> decided = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> decisionQuestions = new ConcurrentHashMap<>();
  private final Map<String, Integer> questionsBeforeFirstSubmission = new ConcurrentHashMap<>();
  private final Set<String> submittedUndecided = ConcurrentHashMap.newKeySet();
  private volatile boolean refuseFirstSubmission;
  private volatile boolean decideAtRegistration = true;

  /** A submission the scripted gateway saw: when, and which image. */
  private record Submitted(long atNanos, List<Byte> image) {
    static Submitted of(byte[] body) {
      List<Byte> bytes = new java.util.ArrayList<>(body.length);
      for (byte b : body) {
        bytes.add(b);
      }
      return new Submitted(System.nanoTime(), bytes);
    }
  }

  @BeforeEach
  void startGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/ues", this::ues);
    server.createContext("/api/v1/jobs/", this::job);
    server.start();
  }

  @AfterEach
  void stopGateway() {
    server.stop(0);
  }

  @Test
  void shouldRegisterReportSubmitFollowJobsAndCountTheUnfinishedOneAsLost() throws Exception {
    SimulatorSettings settings =
        SimulatorSettings.defaults(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                3,
                8,
                Duration.ofMillis(1500),
                5)
            .withWorkload(
                io.coinfer.mec.profile.Net.RESNET18,
                Duration.ofMillis(200),
                32,
                2,
                Duration.ofMillis(1500));
    FleetPlan plan = FleetPlan.draw(settings);

    RunSummary s;
    try (Fleet fleet = Fleet.start(settings)) {
      s = fleet.finished().get(20, TimeUnit.SECONDS);
    }

    assertThat(problems).isEmpty();
    assertThat(submittedUndecided).isEmpty();
    assertThat(registeredDistances.values())
        .containsExactlyInAnyOrderElementsOf(plan.ues().stream().map(UePlan::distanceM).toList());
    // the state heartbeat (10 s) is not due in this run: each UE reports only the changes of its
    // state, from the one it registered with (no task, its distance)
    assertThat(reports).isNotEmpty();
    reports.forEach(
        (ueId, list) -> {
          StateReport previous = new StateReport(0, registeredDistances.get(ueId));
          for (StateReport report : list) {
            assertThat(report.distanceM()).isEqualTo(registeredDistances.get(ueId));
            assertThat(report).as("a report of %s repeats its state", ueId).isNotEqualTo(previous);
            previous = report;
          }
        });
    // the plan's arrivals, less any a busy machine's clock ran after the stop
    assertThat(s.arrived()).isPositive().isLessThanOrEqualTo(plan.totalJobs());
    assertThat(s.accepted()).isEqualTo(jobs.get());
    assertThat(s.accepted() + s.unsent() + s.rejected()).isEqualTo(s.arrived());
    assertThat(s.lost()).isEqualTo(1);
    assertThat(s.completed()).isEqualTo(s.accepted() - 1);
    assertThat(s.failed()).isZero();
    assertThat(s.energyPerTaskJ()).isEqualTo(0.25);
    assertThat(s.pointsInUse()).containsOnlyKeys(2);
    assertThat(s.latencyP50S()).isPositive().isLessThan(2);
    // every result says 10 ms of tail compute, so the overhead is the latency minus 10 ms
    assertThat(s.dnnP50S()).isEqualTo(0.01);
    assertThat(s.overheadP50S()).isCloseTo(s.latencyP50S() - 0.01, within(1e-12));
    assertThat(s.overheadP99S()).isCloseTo(s.latencyP99S() - 0.01, within(1e-12));
  }

  @Test
  void shouldCountA429AsRejectedWaitForRetryAfterAndSubmitTheSameTaskAgain() throws Exception {
    refuseFirstSubmission = true;
    SimulatorSettings settings =
        SimulatorSettings.defaults(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                2,
                3,
                Duration.ofSeconds(3),
                7)
            .withWorkload(
                io.coinfer.mec.profile.Net.RESNET18,
                Duration.ofMillis(200),
                32,
                1,
                Duration.ofSeconds(2));
    FleetPlan plan = FleetPlan.draw(settings);

    RunSummary s;
    try (Fleet fleet = Fleet.start(settings)) {
      s = fleet.finished().get(20, TimeUnit.SECONDS);
    }

    assertThat(problems).isEmpty();
    assertThat(refusals).hasSize(2); // the first submission of each UE
    assertThat(s.rejected()).isEqualTo(2);
    assertThat(s.failuresByReason()).containsEntry("rejected:429", 2L);
    for (Map.Entry<String, Submitted> refused : refusals.entrySet()) {
      Submitted retry = firstAccepted.get(refused.getKey());
      assertThat(retry).as("the retry of %s", refused.getKey()).isNotNull();
      assertThat(retry.atNanos() - refused.getValue().atNanos())
          .as("Retry-After: 1 honoured")
          .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
      assertThat(retry.image()).as("the same task again").isEqualTo(refused.getValue().image());
    }
    // a refused task is neither accepted nor lost: it is submitted again or stays unsent
    assertThat(s.arrived()).isPositive().isLessThanOrEqualTo(plan.totalJobs());
    assertThat(s.accepted() + s.unsent()).isEqualTo(s.arrived());
    assertThat(s.accepted()).isEqualTo(jobs.get());
    // the scripted gateway never finishes job-4, if it got that far
    assertThat(s.lost()).isEqualTo(jobs.get() > 4 ? 1 : 0);
    assertThat(s.completed()).isEqualTo(s.accepted() - s.lost());
  }

  @Test
  void shouldSubmitNothingBeforeItsFirstDecisionAndStartOnceTheDecisionAppears() {
    decideAtRegistration = false;
    SimulatorSettings settings =
        fleetOfTwo(Duration.ofSeconds(30)).withFirstDecisionWait(Duration.ofMinutes(10));

    try (Fleet fleet = Fleet.start(settings)) {
      // Given tasks have arrived and both UEs have asked for a decision several times
      await()
          .atMost(20, TimeUnit.SECONDS)
          .until(
              () ->
                  fleet.ledger().summary().arrived() >= 4
                      && questions("ue-0") >= 3
                      && questions("ue-1") >= 3);
      // Then no UE has submitted
      assertThat(jobs.get()).isZero();
      assertThat(questionsBeforeFirstSubmission).isEmpty();

      // When the gateway holds a decision for ue-0 only
      decided.add("ue-0");
      // Then ue-0 submits, and ue-1, still asking, does not
      await()
          .atMost(20, TimeUnit.SECONDS)
          .until(() -> questionsBeforeFirstSubmission.containsKey("ue-0"));
      int asked = questions("ue-1");
      await().atMost(20, TimeUnit.SECONDS).until(() -> questions("ue-1") >= asked + 2);
      assertThat(questionsBeforeFirstSubmission).containsOnlyKeys("ue-0");

      // When ue-1's decision appears too, then it submits as well
      decided.add("ue-1");
      await()
          .atMost(20, TimeUnit.SECONDS)
          .until(() -> questionsBeforeFirstSubmission.containsKey("ue-1"));
    }

    assertThat(problems).isEmpty();
    assertThat(submittedUndecided).isEmpty();
  }

  @Test
  void shouldSubmitWithoutADecisionOnceTheFirstDecisionWaitIsOver() throws Exception {
    decideAtRegistration = false; // and never decides
    Duration firstDecisionWait = Duration.ofSeconds(1);
    SimulatorSettings settings =
        fleetOfTwo(Duration.ofSeconds(3)).withFirstDecisionWait(firstDecisionWait);
    long beforeStart = System.nanoTime();

    RunSummary s;
    try (Fleet fleet = Fleet.start(settings)) {
      s = fleet.finished().get(20, TimeUnit.SECONDS);
    }

    assertThat(problems).isEmpty();
    // both UEs asked for a decision, got none, and submitted anyway, not before the wait was over
    assertThat(questionsBeforeFirstSubmission).containsOnlyKeys("ue-0", "ue-1");
    assertThat(questionsBeforeFirstSubmission.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(submittedUndecided).containsExactlyInAnyOrder("ue-0", "ue-1");
    assertThat(firstAccepted.values())
        .allSatisfy(
            first ->
                assertThat(first.atNanos() - beforeStart)
                    .isGreaterThanOrEqualTo(firstDecisionWait.toNanos()));
    assertThat(s.accepted()).isPositive().isEqualTo(jobs.get());
  }

  /** Two UEs at 8 jobs/s each, 100 ms slots, one job in flight, a 1 s grace. */
  private SimulatorSettings fleetOfTwo(Duration duration) {
    return SimulatorSettings.defaults(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()), 2, 8, duration, 11)
        .withWorkload(
            io.coinfer.mec.profile.Net.RESNET18,
            Duration.ofMillis(100),
            32,
            1,
            Duration.ofSeconds(1));
  }

  private int questions(String ueId) {
    AtomicInteger n = decisionQuestions.get(ueId);
    return n == null ? 0 : n.get();
  }

  private void ues(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/api/v1/ues") && ex.getRequestMethod().equals("POST")) {
      RegisterUeRequest r = JSON.readValue(ex.getRequestBody(), RegisterUeRequest.class);
      String ueId = "ue-" + registeredDistances.size();
      registeredDistances.put(ueId, r.distanceM());
      ueOfToken.put("token-" + ueId, ueId);
      if (decideAtRegistration) {
        decided.add(ueId);
      }
      UeView view =
          new UeView(
              ueId, r.net(), r.deviceProfile(), r.distanceM(), r.pmaxW(), 0, Instant.now(), null);
      send(ex, 201, new UeRegistration(view, "token-" + ueId));
      return;
    }
    String ueId = path.split("/")[4];
    if (!ueId.equals(caller(ex))) {
      problems.add("wrong token for " + path);
      send(ex, 403, Map.of("title", "Forbidden"));
      return;
    }
    if (path.endsWith("/decision")) {
      decisionQuestions.computeIfAbsent(ueId, id -> new AtomicInteger()).incrementAndGet();
      if (decided.contains(ueId)) {
        send(ex, 200, decision(ueId));
      } else {
        send(ex, 404, Map.of("title", "Not Found", "status", 404));
      }
    } else if (path.endsWith("/state")) {
      reports
          .computeIfAbsent(ueId, id -> new CopyOnWriteArrayList<>())
          .add(JSON.readValue(ex.getRequestBody(), StateReport.class));
      send(ex, 200, Map.of());
    } else if (path.endsWith("/jobs")) {
      byte[] body = ex.getRequestBody().readAllBytes();
      if (!"image/png".equals(ex.getRequestHeaders().getFirst("Content-Type"))
          || ImageIO.read(new ByteArrayInputStream(body)) == null
          || !ex.getRequestURI().getQuery().startsWith("wait=")) {
        problems.add("bad job submission " + ex.getRequestURI());
      }
      questionsBeforeFirstSubmission.putIfAbsent(ueId, questions(ueId));
      if (!decided.contains(ueId)) {
        submittedUndecided.add(ueId);
      }
      if (refuseFirstSubmission && refusals.putIfAbsent(ueId, Submitted.of(body)) == null) {
        ex.getResponseHeaders().add("Retry-After", "1");
        send(ex, 429, Map.of("title", "Too Many Requests", "status", 429));
        return;
      }
      firstAccepted.putIfAbsent(ueId, Submitted.of(body));
      int n = jobs.getAndIncrement();
      String jobId = "job-" + n;
      ueOfJob.put(jobId, ueId);
      if (n % 3 == 0) {
        send(ex, 200, view(jobId, ueId, JobStatus.DONE));
      } else {
        send(ex, 202, new JobAccepted(jobId, JobStatus.PENDING, "/api/v1/jobs/" + jobId));
      }
    }
  }

  private void job(HttpExchange ex) throws IOException {
    String jobId = ex.getRequestURI().getPath().substring("/api/v1/jobs/".length());
    if (!ueOfJob.get(jobId).equals(caller(ex))) {
      problems.add("wrong token for " + jobId);
    }
    JobStatus status = jobId.equals("job-4") ? JobStatus.PENDING : JobStatus.DONE;
    send(ex, 200, view(jobId, ueOfJob.get(jobId), status));
  }

  private String caller(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    return auth == null ? null : ueOfToken.get(auth.substring("Bearer ".length()));
  }

  private static DecisionEvent decision(String ueId) {
    return new DecisionEvent(
        Event.SCHEMA_VERSION,
        ueId,
        1,
        2,
        0,
        0.5,
        "greedy",
        "builtin",
        DecisionSource.POLICY,
        Instant.now());
  }

  private static JobView view(String jobId, String ueId, JobStatus status) {
    ResultEvent result =
        status == JobStatus.PENDING
            ? null
            : new ResultEvent(
                Event.SCHEMA_VERSION,
                jobId,
                ueId,
                "resnet18",
                JobStatus.DONE,
                List.of(new ClassScore(0, "disc", 0.8)),
                new DecisionRef(1, 2, 0, 0.5, "greedy", "builtin", DecisionSource.POLICY),
                new UeAccounting(0.01, 0.05, 0.02, 0.2, 1000, 1e6),
                new EdgeTiming(0, 0.01, 1),
                0.03,
                0.04,
                null,
                null,
                Instant.now());
    return new JobView(jobId, ueId, status, Instant.now(), result);
  }

  private static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
