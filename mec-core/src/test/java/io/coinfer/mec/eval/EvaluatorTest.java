package io.coinfer.mec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private final ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);

  @Test
  void shouldMeasureTrueTaskLatenciesInContinuousTime() {
    // Given local resnet18: every task takes exactly 0.045887 s on its UE
    Evaluator evaluator = new Evaluator(cfg, Scenario.TEST);
    // When
    EpisodeMetrics m = evaluator.runEpisode(Schedulers.create("local", cfg, 0), 0);
    // Then
    assertThat(m.meanTaskLatency()).isCloseTo(0.045887, within(1e-9));
    assertThat(m.p50TaskLatency()).isCloseTo(0.045887, within(1e-9));
    assertThat(m.p95TaskLatency()).isCloseTo(0.045887, within(1e-9));
    assertThat(m.makespanSeconds()).isCloseTo(200 * 0.045887, within(1e-9));
    assertThat(m.latencyPerTask()).isEqualTo(0.5 * 5 * m.slots() / 1000.0);
    assertThat(m.truncated()).isFalse();
  }

  @Test
  void shouldCapTrainingEpisodesAtThePublishedSlotCap() {
    // Given lambda 200, T 0.5 s: floor(200 x 0.15 / 0.5) = 60 slots, too few for edge
    Evaluator evaluator = new Evaluator(cfg, Scenario.TRAIN);
    // When
    EpisodeMetrics m = evaluator.runEpisode(Schedulers.create("edge", cfg, 0), 3);
    // Then
    assertThat(evaluator.slotLimit()).isEqualTo(60);
    assertThat(m.slots()).isEqualTo(60);
    assertThat(m.truncated()).isTrue();
    assertThat(m.finished()).isLessThan(m.tasks());
  }

  @Test
  void shouldMoveEveryUeToAGivenDistanceAndRefuseOneOutsideTheCell() {
    // Given the test scenario, as drawn and at its own 50 m, and at 90 m
    Scheduler fixed = Schedulers.create("fixed:3:1.0", cfg, 0);
    Evaluator test = new Evaluator(cfg, Scenario.TEST);
    // When
    EpisodeMetrics drawn = test.runEpisode(fixed, 0);
    EpisodeMetrics at50 = test.withDistanceMeters(50).runEpisode(fixed, 0);
    EpisodeMetrics at90 = test.withDistanceMeters(90).withPowerErrorDb(0).runEpisode(fixed, 0);
    // Then 50 m is the test scenario itself, and at 90 m the same power sends more slowly
    assertThat(at50).isEqualTo(drawn);
    assertThat(at90.energyPerTask()).isGreaterThan(drawn.energyPerTask());
    assertThatThrownBy(() -> test.withDistanceMeters(150))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distance must be within [dmin, dmax] = [1.0, 100.0] m, got 150");
  }

  @Test
  void shouldDrawEveryEpisodeOfARunAfresh() {
    // Given the 20 random-positions episodes of run seed 1
    Set<Double> distances = new HashSet<>();
    for (int k = 0; k < 20; k++) {
      // When each episode draws its UEs' distances
      double[] episode =
          Scenario.RANDOM_POSITIONS.draw(cfg, Evaluator.episodeSeed(1, k)).distancesMeters();
      // Then no distance of one episode comes back in another
      for (double d : episode) {
        assertThat(distances.add(d)).as("episode %d, distance %s", k, d).isTrue();
      }
    }
    assertThat(distances).hasSize(100);
  }

  @Test
  void shouldAverageSeededEpisodesAndRepeatThem() {
    // Given
    Evaluator evaluator = new Evaluator(cfg, Scenario.RANDOM_POSITIONS);
    List<Integer> progress = new ArrayList<>();
    // When
    EvaluationSummary a =
        evaluator.evaluate(Schedulers.create("fixed:3:1.0", cfg, 0), 4, 9, progress::add);
    EvaluationSummary b =
        evaluator.evaluate(Schedulers.create("fixed:3:1.0", cfg, 0), 4, 9, k -> {});
    // Then
    assertThat(progress).containsExactly(1, 2, 3, 4);
    assertThat(a.perEpisode()).hasSize(4).isEqualTo(b.perEpisode());
    assertThat(a.latencyPerTask())
        .isCloseTo(
            a.perEpisode().stream()
                .mapToDouble(EpisodeMetrics::latencyPerTask)
                .average()
                .orElseThrow(),
            within(1e-12));
    assertThat(
            a.perEpisode().stream().mapToDouble(EpisodeMetrics::energyPerTask).distinct().count())
        .isGreaterThan(1); // the geometries differ
  }

  @Test
  void shouldMissTheCommandedPowerBySeededFactorsWhenAsked() {
    // Given every UE sending at point 1 and 0.1 W, exactly and with up to 1 dB of error
    Evaluator exact = new Evaluator(cfg, Scenario.TEST);
    Evaluator off = exact.withPowerErrorDb(1);
    Scheduler sending = Schedulers.create("fixed:1:0.1", cfg, 0);
    // When
    EpisodeMetrics e = exact.runEpisode(sending, 3);
    EpisodeMetrics a = off.runEpisode(sending, 3);
    // Then the same seed misses the same way, another seed another way, and 0 dB is exact
    assertThat(off.runEpisode(sending, 3)).isEqualTo(a);
    assertThat(a.energyPerTask()).isNotEqualTo(e.energyPerTask());
    assertThat(off.runEpisode(sending, 4).energyPerTask()).isNotEqualTo(a.energyPerTask());
    assertThat(exact.withPowerErrorDb(0).runEpisode(sending, 3)).isEqualTo(e);
    assertThat(off.powerErrorDb()).isEqualTo(1);
    // and UEs that send nothing are not affected
    Scheduler local = Schedulers.create("local", cfg, 0);
    assertThat(off.runEpisode(local, 3)).isEqualTo(exact.runEpisode(local, 3));
    assertThatThrownBy(() -> exact.withPowerErrorDb(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dB");
  }

  @Test
  void shouldTakeNearestRankPercentiles() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(EpisodeMetrics.percentile(sorted, 0.5)).isEqualTo(5);
    assertThat(EpisodeMetrics.percentile(sorted, 0.95)).isEqualTo(10);
    assertThat(EpisodeMetrics.percentile(new double[0], 0.5)).isNaN();
  }
}
