package io.coinfer.mec.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.eval.EpisodeMetrics;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The two search baselines beat the simple ones on the episode objective. */
class SearchBaselinesTest {

  private static final List<String> SIMPLE =
      List.of("local", "edge", "fixed:3:1.0", "fixed:2:0.1", "fixed:1:1.0", "fixed:4:0.5");

  @ParameterizedTest
  @EnumSource(Net.class)
  void shouldNeverLoseToAUniformBaselineWithStaticSearch(Net net) {
    // Given the test scenario and one random-positions episode (lambda 50 to keep it quick)
    ScenarioConfig cfg = ScenarioConfig.paperDefaults(net, 5, 2).withLambda(50);
    for (Scenario scenario : List.of(Scenario.TEST, Scenario.RANDOM_POSITIONS)) {
      Evaluator evaluator = new Evaluator(cfg, scenario);
      // When
      StaticSearchScheduler search = new StaticSearchScheduler(cfg);
      double searched = objective(cfg, evaluator.runEpisode(search, 5));
      // Then the episode scores what the search predicted for its plan
      assertThat(searched).isCloseTo(search.planObjective(), within(1e-12));
      for (String spec : SIMPLE) {
        double simple = objective(cfg, evaluator.runEpisode(Schedulers.create(spec, cfg, 0), 5));
        assertThat(searched).as("%s %s vs %s", net, scenario, spec).isLessThanOrEqualTo(simple);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Net.class)
  void shouldBeatLocalWithGreedy(Net net) {
    // Given
    ScenarioConfig cfg = ScenarioConfig.paperDefaults(net, 5, 2).withLambda(50);
    Evaluator evaluator = new Evaluator(cfg, Scenario.TEST);
    // When
    double greedy = objective(cfg, evaluator.runEpisode(new GreedyScheduler(cfg), 0));
    double local = objective(cfg, evaluator.runEpisode(Schedulers.create("local", cfg, 0), 0));
    // Then
    assertThat(greedy).isLessThan(local);
  }

  @Test
  void shouldStopGreedyAtAFixedPointOfBestResponses() {
    // Given the first slot of the mobilenetv2 test scenario, where best responses settle
    ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    GreedyScheduler scheduler = new GreedyScheduler(cfg);
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(0);
    // When
    Action[] first = scheduler.decide(SchedulingContext.of(env));
    // Then
    assertThat(scheduler.converged()).isTrue();
    assertThat(scheduler.rounds()).isBetween(2, GreedyScheduler.MAX_ROUNDS);
    assertThat(first).anyMatch(a -> a.point() != 5);
    // and deciding again on the same slot moves nobody: one round, the same actions
    assertThat(scheduler.decide(SchedulingContext.of(env))).containsExactly(first);
    assertThat(scheduler.rounds()).isEqualTo(1);
  }

  private static double objective(ScenarioConfig cfg, EpisodeMetrics m) {
    return m.latencyPerTask() + cfg.beta() * m.energyPerTask();
  }
}
