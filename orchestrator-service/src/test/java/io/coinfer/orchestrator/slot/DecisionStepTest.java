package io.coinfer.orchestrator.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.contracts.events.DecisionCorrection;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.UeStateEvent;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.schedule.StaticSearchScheduler;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.orchestrator.config.OrchestratorSettings;
import io.coinfer.orchestrator.policy.PolicyRegistry;
import io.coinfer.orchestrator.policy.TestCheckpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.ErrorResponseException;

class DecisionStepTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final UeBook book = new UeBook();
  private final PolicyRegistry policies =
      new PolicyRegistry(
          new OrchestratorSettings(
              new OrchestratorSettings.Slot(Duration.ofMillis(500), Duration.ofSeconds(30), 4),
              new OrchestratorSettings.Policy("fixed:3:0.5", "local", 0, 1.0),
              new OrchestratorSettings.Radio(2, 1.0, 1.0, 100.0)));
  private final DecisionStep step = new DecisionStep(book, policies, Duration.ofSeconds(30));

  @Test
  void shouldDecideWithTheActivePolicyForFreshUesAndTheFallbackForStaleOnes() {
    // Given two fresh UEs (one with pmax below the policy's power) and one stale UE
    book.report(state("ue-a", 1.0), NOW.minusSeconds(1));
    book.report(state("ue-b", 0.2), NOW.minusSeconds(2));
    book.report(state("ue-c", 1.0), NOW.minusSeconds(31));

    // When slot 7 is decided
    Map<String, DecisionEvent> decisions = byUe(step.decide(7, NOW));

    // Then fresh UEs follow fixed:3:0.5, capped at their own pmax, and the stale one falls back
    assertThat(decisions).hasSize(3);
    assertThat(decisions.get("ue-a"))
        .extracting(
            DecisionEvent::slot,
            DecisionEvent::point,
            DecisionEvent::powerW,
            DecisionEvent::policyId,
            DecisionEvent::policyVersion,
            DecisionEvent::source)
        .containsExactly(7L, 3, 0.5, "fixed:3:0.5", "builtin", DecisionSource.POLICY);
    assertThat(decisions.get("ue-b").powerW()).isEqualTo(0.2);
    assertThat(decisions.get("ue-a").subChannel()).isNotEqualTo(decisions.get("ue-b").subChannel());
    assertThat(decisions.get("ue-c"))
        .extracting(DecisionEvent::point, DecisionEvent::policyId, DecisionEvent::source)
        .containsExactly(5, "local", DecisionSource.FALLBACK_STALE_STATE);
  }

  @Test
  void shouldSwitchPolicyAtTheNextSlotAndForgetADeregisteredUe() {
    // Given two UEs decided once under fixed:3:0.5
    book.report(state("ue-a", 1.0), NOW);
    book.report(state("ue-b", 1.0), NOW);
    step.decide(0, NOW);

    // When the policy switches to edge and ue-b deregisters
    policies.switchTo("edge");
    book.remove("ue-b");
    List<DecisionEvent> next = step.decide(1, NOW);

    // Then the next slot sends ue-a's raw image under policy edge, and ue-b gets nothing
    assertThat(next)
        .singleElement()
        .extracting(DecisionEvent::ueId, DecisionEvent::point, DecisionEvent::policyId)
        .containsExactly("ue-a", 0, "edge");
  }

  @Test
  void shouldServeAMahppoCheckpointForItsFleetSizeAndFallBackForAnother(@TempDir Path dir) {
    // Given a per-UE MAHPPO checkpoint trained for 3 UEs, active over 3 resnet18 UEs
    activateMahppoOverThreeUes(dir);

    // When a slot is decided for 3 UEs, and another after a fourth UE registers
    List<DecisionEvent> three = step.decide(0, NOW);
    book.report(state("ue-d", 1.0), NOW);
    List<DecisionEvent> four = step.decide(1, NOW);

    // Then MAHPPO decides for its fleet size, and the fallback, saying why, for the other
    assertThat(three)
        .hasSize(3)
        .allSatisfy(
            d -> {
              assertThat(d.policyId()).isEqualTo("mahppo");
              assertThat(d.source()).isEqualTo(DecisionSource.POLICY);
              assertThat(d.powerW()).isPositive().isLessThanOrEqualTo(1.0);
            });
    assertThat(four)
        .hasSize(4)
        .allSatisfy(
            d -> {
              assertThat(d.policyId()).isEqualTo("local");
              assertThat(d.source()).isEqualTo(DecisionSource.FALLBACK_FLEET_UNSUPPORTED);
            });
  }

  @Test
  void shouldShowAPolicyTheStateOfAnEpisodeStartWithTheQueuesReported(@TempDir Path dir) {
    // Given a MAHPPO checkpoint for 3 UEs, active over 3 resnet18 UEs at 50 m with 3 tasks each
    activateMahppoOverThreeUes(dir);

    // When the first slot is decided
    List<DecisionEvent> decisions = step.decide(0, NOW);

    // Then the policy decided as at the start of a simulated episode with those queues, every UE
    // about to run its first task locally (the action a UE holds before its first decision)
    ScenarioConfig cfg = policies.config(Net.RESNET18, 3);
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(
        new EpisodeSetup(
            new double[] {50, 50, 50},
            new int[] {3, 3, 3},
            new Action[] {Action.local(0), Action.local(0), Action.local(0)}));
    Action[] simulated =
        policies
            .scheduler(policies.active(), Net.RESNET18, 3)
            .orElseThrow()
            .decide(SchedulingContext.of(env));
    assertThat(decisions)
        .extracting(d -> new Action(d.point(), d.subChannel(), d.powerW()))
        .containsExactly(simulated);
  }

  @Test
  void shouldKeepTheLastTaskDecisionOfAUeWhoseQueueEmptiedUntilThePolicyChanges(@TempDir Path dir) {
    // Given MAHPPO over 3 UEs with 3 tasks each, its first slot decided, then ue-c's queue empty
    activateMahppoOverThreeUes(dir);
    DecisionEvent first = byUe(step.decide(0, NOW)).get("ue-c");
    book.report(queued("ue-c", 0), NOW);

    // When the next slots are decided
    DecisionEvent second = byUe(step.decide(1, NOW)).get("ue-c");
    DecisionEvent third = byUe(step.decide(2, NOW)).get("ue-c");

    // Then ue-c keeps the decision it got for a task, the one a job arriving now runs with
    for (DecisionEvent held : List.of(second, third)) {
      assertThat(held)
          .extracting(
              DecisionEvent::point,
              DecisionEvent::subChannel,
              DecisionEvent::powerW,
              DecisionEvent::source)
          .containsExactly(
              first.point(), first.subChannel(), first.powerW(), DecisionSource.POLICY);
    }

    // And after a policy switch the new policy decides for it
    policies.switchTo("fixed:2:0.7");
    assertThat(byUe(step.decide(3, NOW)).get("ue-c"))
        .extracting(DecisionEvent::point, DecisionEvent::powerW, DecisionEvent::policyId)
        .containsExactly(2, 0.7, "fixed:2:0.7");
  }

  @Test
  void shouldLetStaticSearchPlanTheStreamsSteadyStateNotTheJobsQueuedNow() {
    // Given static-search active over 3 resnet18 UEs at 50 m that have no job queued yet, as at
    // the platform's first slot
    policies.switchTo("static-search");
    for (String ue : List.of("ue-a", "ue-b", "ue-c")) {
      book.report(queued(ue, 0), NOW);
    }

    // When the first slot is decided
    List<DecisionEvent> decisions = step.decide(0, NOW);

    // Then static-search planned the test scenario's episode for those UEs (a full batch each),
    // not an episode of one task each, whose cheapest plan sent every job's raw image
    ScenarioConfig cfg = policies.config(Net.RESNET18, 3);
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(0);
    Action[] planned = new StaticSearchScheduler(cfg).decide(SchedulingContext.of(env));
    assertThat(decisions)
        .extracting(d -> new Action(d.point(), d.subChannel(), d.powerW()))
        .containsExactly(planned);
    assertThat(decisions).extracting(DecisionEvent::point).doesNotContain(Net.EDGE_POINT);
  }

  @Test
  void shouldRefuseAPolicyThatCannotBeBuilt() {
    // When / Then an unknown spec and a fixed policy above pmax are refused with 400
    assertThatThrownBy(() -> policies.switchTo("no-such-policy"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400))
        .hasMessageContaining("no-such-policy");
    assertThatThrownBy(() -> policies.switchTo("fixed:3:5.0"))
        .isInstanceOf(ErrorResponseException.class);
    assertThat(policies.view().spec()).isEqualTo("fixed:3:0.5");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "faulty:7:0:0.5  | POINT_OUT_OF_RANGE",
        "faulty:-1:0:0.5 | POINT_OUT_OF_RANGE",
        "faulty:2:0:0    | POWER_NOT_POSITIVE",
        "faulty:2:0:-1   | POWER_NOT_POSITIVE",
        "faulty:2:0:NaN  | POWER_NOT_FINITE",
        "faulty:2:0:Infinity | POWER_NOT_FINITE",
        "faulty:2:9:0.5  | SUB_CHANNEL_OUT_OF_RANGE",
        "faulty:2:-1:0.5 | SUB_CHANNEL_OUT_OF_RANGE",
        "faulty:9:9:-1   | POWER_NOT_POSITIVE POINT_OUT_OF_RANGE SUB_CHANNEL_OUT_OF_RANGE",
        "faulty:throw    | POLICY_FAILED",
        "faulty:short    | POLICY_FAILED"
      })
  void shouldHandAnInvalidActionToTheFallbackAndSaySo(String spec, String rules) {
    // Given a faulty active policy over two fresh UEs
    policies.switchTo(spec);
    book.report(state("ue-a", 1.0), NOW);
    book.report(state("ue-b", 1.0), NOW);

    // When a slot is decided
    List<DecisionEvent> decisions = step.decide(3, NOW);

    // Then the fallback (local) decides for both, and each decision names the broken rules
    List<DecisionCorrection> broken =
        Stream.of(rules.split(" ")).map(DecisionCorrection::valueOf).toList();
    assertThat(decisions)
        .hasSize(2)
        .allSatisfy(
            d -> {
              assertThat(d.source()).isEqualTo(DecisionSource.FALLBACK_INVALID_ACTION);
              assertThat(d.policyId()).isEqualTo("local");
              assertThat(d.point()).isEqualTo(5);
              assertThat(d.powerW()).isPositive();
              assertThat(d.corrections()).isEqualTo(broken);
            });
  }

  @Test
  void shouldClampAPowerAbovePmaxAndSaySo() {
    // Given a policy that decides point 2, channel 1 at 2 W (pmax is 1 W), over a UE with pmax 1 W
    // and one with its own pmax of 0.2 W
    policies.switchTo("faulty:2:1:2.0");
    book.report(state("ue-a", 1.0), NOW);
    book.report(state("ue-b", 0.2), NOW);

    // When a slot is decided
    Map<String, DecisionEvent> decisions = byUe(step.decide(3, NOW));

    // Then the policy's action stands with its power clamped to pmax (and to the UE's own pmax)
    assertThat(decisions.get("ue-a"))
        .extracting(
            DecisionEvent::point,
            DecisionEvent::subChannel,
            DecisionEvent::powerW,
            DecisionEvent::policyId,
            DecisionEvent::source,
            DecisionEvent::corrections)
        .containsExactly(
            2,
            1,
            1.0,
            "faulty",
            DecisionSource.POLICY_CLAMPED,
            List.of(DecisionCorrection.POWER_ABOVE_PMAX));
    assertThat(decisions.get("ue-b").powerW()).isEqualTo(0.2);
    assertThat(decisions.get("ue-b").source()).isEqualTo(DecisionSource.POLICY_CLAMPED);
  }

  @Test
  void shouldTreatAReportReplayedAfterARestartAsAsOldAsItIs() {
    // Given one report made 31 s ago but received only now (re-read from the compacted topic), and
    // one made and received now
    book.report(
        new UeStateEvent(
            Event.SCHEMA_VERSION,
            "ue-old",
            "resnet18",
            "jetson-nano",
            50,
            1.0,
            3,
            0,
            NOW.minusSeconds(31)),
        NOW);
    book.report(state("ue-new", 1.0), NOW);

    // When a slot is decided
    Map<String, DecisionEvent> decisions = byUe(step.decide(3, NOW));

    // Then the old report is stale: the fallback decides for it and says why
    assertThat(decisions.get("ue-old"))
        .extracting(DecisionEvent::policyId, DecisionEvent::source)
        .containsExactly("local", DecisionSource.FALLBACK_STALE_STATE);
    assertThat(decisions.get("ue-new").source()).isEqualTo(DecisionSource.POLICY);
  }

  /** Makes a per-UE MAHPPO checkpoint for 3 UEs the active policy, over 3 fresh resnet18 UEs. */
  private void activateMahppoOverThreeUes(Path dir) {
    policies.switchTo("mahppo:" + TestCheckpoints.write(dir, 3, false));
    for (String ue : List.of("ue-a", "ue-b", "ue-c")) {
      book.report(state(ue, 1.0), NOW);
    }
  }

  private static UeStateEvent state(String ueId, double pmax) {
    return new UeStateEvent(
        Event.SCHEMA_VERSION, ueId, "resnet18", "jetson-nano", 50, pmax, 3, 0, NOW);
  }

  private static UeStateEvent queued(String ueId, int tasks) {
    return new UeStateEvent(
        Event.SCHEMA_VERSION, ueId, "resnet18", "jetson-nano", 50, 1.0, tasks, 0, NOW);
  }

  private static Map<String, DecisionEvent> byUe(List<DecisionEvent> decisions) {
    return decisions.stream().collect(Collectors.toMap(DecisionEvent::ueId, Function.identity()));
  }
}
