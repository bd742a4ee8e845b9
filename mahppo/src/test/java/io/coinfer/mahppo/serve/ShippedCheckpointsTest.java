package io.coinfer.mahppo.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mec.eval.EpisodeMetrics;
import io.coinfer.mec.eval.EvaluationSummary;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShippedCheckpointsTest {

  @ParameterizedTest
  @EnumSource(Net.class)
  void shouldReproduceTheTestFiguresRecordedInEachShippedCheckpoint(Net net) {
    // Given the checkpoint shipped for the net on the default scenario (skipped if not shipped)
    ScenarioConfig sc = ScenarioConfig.paperDefaults(net, 5, 2);
    Checkpoint cp = Checkpoint.readResource(ShippedCheckpoints.ROOT + ShippedCheckpoints.name(sc));
    org.junit.jupiter.api.Assumptions.assumeTrue(cp != null, "no checkpoint shipped for " + net);

    // When "--policy mahppo" runs the test scenario
    EpisodeMetrics m =
        new Evaluator(sc, Scenario.TEST).runEpisode(Schedulers.create("mahppo", sc, 1), 1);

    // Then it gives exactly the figures measured at the end of its training
    assertThat(m.latencyPerTask()).isEqualTo(cp.provenance().latencyPerTask());
    assertThat(m.energyPerTask()).isEqualTo(cp.provenance().energyPerTask());
  }

  @ParameterizedTest
  @EnumSource(Net.class)
  void shouldBeatLocalEdgeAndGreedyOnTheTestScenario(Net net) {
    // Given the checkpoint shipped for the net (the README records where static-search still wins)
    ScenarioConfig sc = ScenarioConfig.paperDefaults(net, 5, 2);
    Evaluator test = new Evaluator(sc, Scenario.TEST);
    double mahppo = objective(test.runEpisode(Schedulers.create("mahppo", sc, 1), 1), sc);

    // Then its objective (latency + beta energy per task per device) is below each of these
    for (String baseline : java.util.List.of("local", "edge", "greedy")) {
      assertThat(mahppo)
          .as("%s: mahppo against %s", net, baseline)
          .isLessThan(objective(test.runEpisode(Schedulers.create(baseline, sc, 1), 1), sc));
    }
  }

  @ParameterizedTest
  @EnumSource(Net.class)
  void shouldBeatStaticSearchOnTheTestScenario(Net net) {
    // Given the checkpoint shipped for the net (mobilenetv2's wins here by 2.0%)
    ScenarioConfig sc = ScenarioConfig.paperDefaults(net, 5, 2);
    Evaluator test = new Evaluator(sc, Scenario.TEST);

    // When both run the test scenario
    double mahppo = objective(test.runEpisode(Schedulers.create("mahppo", sc, 1), 1), sc);
    double search = objective(test.runEpisode(Schedulers.create("static-search", sc, 1), 1), sc);

    // Then the checkpoint's objective is the lower
    assertThat(mahppo).as("%s: mahppo against static-search", net).isLessThan(search);
  }

  @Test
  void shouldBeatStaticSearchOnRandomPositionsWithMobilenetv2DeterministicAndPlanned() {
    // Given mobilenetv2's shipped checkpoint, deterministic (below static-search by 0.14% here and
    // by 0.13-0.16% over 200 episodes: README, "Against the targets of issue 3") and planned with
    // 64 runs per slot
    // Then each has a lower mean objective than static-search on the README's 20 random-positions
    // episodes (seed 1)
    assertBelowStaticSearchOnRandomPositions(Net.MOBILENETV2, "mahppo", "mahppo:plan64");
  }

  @Test
  void shouldCutVgg11LatencyBy56AndEnergyBy75PercentAgainstLocal() {
    // Given the shipped vgg11 checkpoint
    // Then on the test scenario its latency and energy per task are at most 44% and 25% of
    // local's (issue 3's targets)
    assertCutAgainstLocal(ScenarioConfig.paperDefaults(Net.VGG11, 5, 2), "mahppo", 0.44, 0.25);
  }

  @Test
  void shouldReproduceTheTestFiguresRecordedInTheLatencyFirstVariantWithOneRun() {
    // Given resnet18's latency-first checkpoint with one run per slot: its deterministic policy
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    Checkpoint cp = ShippedCheckpoints.findVariant(sc, "latency-first");

    EpisodeMetrics m =
        new Evaluator(sc, Scenario.TEST)
            .runEpisode(Schedulers.create("mahppo:latency-first:plan1", sc, 1), 1);

    assertThat(m.latencyPerTask()).isEqualTo(cp.provenance().latencyPerTask());
    assertThat(m.energyPerTask()).isEqualTo(cp.provenance().energyPerTask());
  }

  @Test
  void shouldMeetResnet18sTargetsOnTheTestScenarioWithTheLatencyFirstVariant() {
    // Given resnet18's latency-first variant as it is served: planned with 256 runs per slot
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    Evaluator test = new Evaluator(sc, Scenario.TEST);

    // Then on the test scenario its latency and energy per task are at most 55% and 50% of
    // local's (issue 3's targets)
    EpisodeMetrics planned = assertCutAgainstLocal(sc, "mahppo:latency-first", 0.55, 0.50);
    // And its objective is below every baseline's
    for (String baseline : java.util.List.of("local", "edge", "greedy", "static-search")) {
      assertThat(objective(planned, sc))
          .as("latency-first planned against %s", baseline)
          .isLessThan(objective(test.runEpisode(Schedulers.create(baseline, sc, 1), 1), sc));
    }
  }

  @Test
  void shouldBeatStaticSearchOnRandomPositionsWithTheLatencyFirstVariant() {
    // Given resnet18's latency-first variant, planned with 256 runs per slot as served (1.8% below
    // static-search here, 0.6% and 0.8% over the 200 episodes of seeds 1 and 7: README)
    // Then it has a lower mean objective than static-search on the README's 20 random-positions
    // episodes (seed 1)
    assertBelowStaticSearchOnRandomPositions(Net.RESNET18, "mahppo:latency-first");
  }

  @Test
  void shouldPlanTheLatencyFirstVariantWith256RunsUnlessTheSpecSaysOtherwise() {
    // Given resnet18's test scenario at its first slot
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    MecEnvironment env = new MecEnvironment(sc, Scenario.TEST);
    env.reset(1);
    SchedulingContext first = SchedulingContext.of(env);

    // When the variant is asked for as it is, with 256 runs, sampled, and with 64 runs
    Scheduler served = Schedulers.create("mahppo:latency-first", sc, 1);
    Scheduler explicit = Schedulers.create("mahppo:latency-first:plan256", sc, 1);

    // Then it plans as with 256 runs, unless the spec asks to sample or names its own runs
    assertThat(served).isInstanceOf(PlanningScheduler.class);
    assertThat(served.decide(first)).containsExactly(explicit.decide(first));
    assertThat(Schedulers.create("mahppo:latency-first:sampled", sc, 1))
        .isInstanceOf(MahppoScheduler.class);
    assertThat(Schedulers.create("mahppo:latency-first:plan64", sc, 1))
        .isInstanceOf(PlanningScheduler.class);
  }

  @Test
  void shouldExplainWhenAVariantIsNotShippedForTheNet() {
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.VGG11, 5, 2);
    assertThatThrownBy(() -> Schedulers.create("mahppo:latency-first", sc, 1))
        .hasMessageContaining("no shipped latency-first MAHPPO checkpoint serves vgg11 with 5 UEs")
        .hasMessageContaining("./latency-first");
  }

  /**
   * Runs a policy and local on the test scenario and checks the policy's latency and energy per
   * task against the given shares of local's.
   *
   * @return the policy's figures
   */
  private static EpisodeMetrics assertCutAgainstLocal(
      ScenarioConfig sc, String spec, double latencyShare, double energyShare) {
    Evaluator test = new Evaluator(sc, Scenario.TEST);
    EpisodeMetrics policy = test.runEpisode(Schedulers.create(spec, sc, 1), 1);
    EpisodeMetrics local = test.runEpisode(Schedulers.create("local", sc, 1), 1);
    assertThat(policy.latencyPerTask())
        .as("%s latency per task", spec)
        .isLessThanOrEqualTo(latencyShare * local.latencyPerTask());
    assertThat(policy.energyPerTask())
        .as("%s energy per task", spec)
        .isLessThanOrEqualTo(energyShare * local.energyPerTask());
    return policy;
  }

  /**
   * Checks each policy's mean objective against static-search's on 20 random-positions episodes.
   */
  private static void assertBelowStaticSearchOnRandomPositions(Net net, String... specs) {
    ScenarioConfig sc = ScenarioConfig.paperDefaults(net, 5, 2);
    Evaluator random = new Evaluator(sc, Scenario.RANDOM_POSITIONS);
    double search =
        objective(random.evaluate(Schedulers.create("static-search", sc, 1), 20, 1, k -> {}), sc);
    for (String spec : specs) {
      assertThat(objective(random.evaluate(Schedulers.create(spec, sc, 1), 20, 1, k -> {}), sc))
          .as("%s against static-search", spec)
          .isLessThan(search);
    }
  }

  private static double objective(EpisodeMetrics m, ScenarioConfig sc) {
    return m.latencyPerTask() + sc.beta() * m.energyPerTask();
  }

  private static double objective(EvaluationSummary s, ScenarioConfig sc) {
    return s.latencyPerTask() + sc.beta() * s.energyPerTask();
  }

  @Test
  void shouldExplainWhenNoShippedCheckpointServesTheFleet() {
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 7, 3);
    assertThatThrownBy(() -> Schedulers.create("mahppo", sc, 1))
        .hasMessageContaining("no shipped MAHPPO checkpoint serves resnet18 with 7 UEs");
  }
}
