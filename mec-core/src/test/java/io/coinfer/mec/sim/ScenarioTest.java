package io.coinfer.mec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.mec.profile.Net;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  private final ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);

  @Test
  void shouldPlaceEveryUeAt50MetersWithLambdaTasksAndLocalStartInTheTestScenario() {
    // When
    EpisodeSetup a = Scenario.TEST.draw(cfg, 1);
    EpisodeSetup b = Scenario.TEST.draw(cfg, 2);
    // Then
    assertThat(a.distancesMeters()).containsOnly(50.0);
    assertThat(a.tasks()).containsOnly(200);
    assertThat(a.initialActions()).containsOnly(new Action(5, 0, 1e-10));
    assertThat(b.distancesMeters()).containsExactly(a.distancesMeters());
  }

  @Test
  void shouldDrawReproducibleTrainingEpisodesFromTheSeed() {
    // When
    EpisodeSetup a = Scenario.TRAIN.draw(cfg, 7);
    EpisodeSetup again = Scenario.TRAIN.draw(cfg, 7);
    EpisodeSetup other = Scenario.TRAIN.draw(cfg, 8);
    // Then
    assertThat(again.distancesMeters()).containsExactly(a.distancesMeters());
    assertThat(again.tasks()).containsExactly(a.tasks());
    assertThat(again.initialActions()).containsExactly(a.initialActions());
    assertThat(other.distancesMeters()).isNotEqualTo(a.distancesMeters());
    assertThat(Arrays.stream(a.distancesMeters()).boxed()).allMatch(d -> d >= 1 && d <= 100);
    assertThat(a.initialActions())
        .allMatch(x -> x.point() >= 0 && x.point() <= 5)
        .allMatch(x -> x.channel() >= 0 && x.channel() <= 1)
        .allMatch(x -> x.powerWatts() >= 1e-10 && x.powerWatts() <= 1.0);
  }

  @Test
  void shouldDrawPoissonBatchesOfAtLeastOneTask() {
    // Given lambda 200 over 400 UEs
    ScenarioConfig many =
        new ScenarioConfig(
            Net.RESNET18, 400, 2, 200, 0.5, 1, 1e6, 3, 1e-9, 1, 1, 100, false, cfg.profile());
    // When
    int[] tasks = Scenario.TRAIN.draw(many, 3).tasks();
    // Then the mean is 200 +- 3 sigma of the mean (sqrt(200 / 400) = 0.71), the variance near 200
    double mean = Arrays.stream(tasks).average().orElseThrow();
    double variance = Arrays.stream(tasks).mapToDouble(t -> (t - mean) * (t - mean)).sum() / 399;
    assertThat(mean).isBetween(197.9, 202.1);
    assertThat(variance).isBetween(160.0, 245.0);
    // and a tiny lambda still gives every UE at least one task
    int[] small = Scenario.TRAIN.draw(many.withLambda(1), 3).tasks();
    assertThat(Arrays.stream(small).min().orElseThrow()).isGreaterThanOrEqualTo(1);
    assertThat(Arrays.stream(small).filter(t -> t == 1).count()).isGreaterThan(200);
  }

  @Test
  void shouldDrawRandomPositionsWithTestStyleBatches() {
    // When
    EpisodeSetup a = Scenario.RANDOM_POSITIONS.draw(cfg, 1);
    EpisodeSetup b = Scenario.RANDOM_POSITIONS.draw(cfg, 2);
    // Then
    assertThat(a.distancesMeters()).isNotEqualTo(b.distancesMeters());
    assertThat(a.tasks()).containsOnly(200);
    assertThat(a.initialActions()).containsOnly(Action.local(0));
  }

  @Test
  void shouldDrawCoLocatedEpisodesWhoseUesDifferOnlyInTheirIndex() {
    // When
    EpisodeSetup a = Scenario.CO_LOCATED.draw(cfg, 1);
    EpisodeSetup b = Scenario.CO_LOCATED.draw(cfg, 2);
    // Then
    assertThat(a.distancesMeters()).containsOnly(a.distancesMeters()[0]);
    assertThat(a.tasks()).containsOnly(a.tasks()[0]);
    assertThat(a.initialActions()).containsOnly(a.initialActions()[0]);
    assertThat(a.distancesMeters()[0]).isBetween(cfg.dminMeters(), cfg.dmaxMeters());
    assertThat(b.distancesMeters()[0]).isNotEqualTo(a.distancesMeters()[0]);
    assertThat(Scenario.CO_LOCATED.draw(cfg, 1)).usingRecursiveComparison().isEqualTo(a);
  }

  @Test
  void shouldDrawCoLocatedPositionsAsTheTestScenarioAtARandomDistance() {
    // When
    EpisodeSetup a = Scenario.CO_LOCATED_POSITIONS.draw(cfg, 1);
    EpisodeSetup b = Scenario.CO_LOCATED_POSITIONS.draw(cfg, 2);
    // Then
    assertThat(a.distancesMeters()).containsOnly(a.distancesMeters()[0]);
    assertThat(a.distancesMeters()[0]).isBetween(cfg.dminMeters(), cfg.dmaxMeters());
    assertThat(b.distancesMeters()[0]).isNotEqualTo(a.distancesMeters()[0]);
    assertThat(a.tasks()).containsOnly(200);
    assertThat(a.initialActions()).containsOnly(Action.local(0));
    assertThat(Scenario.CO_LOCATED_POSITIONS.trainingDraws()).isFalse();
  }

  @Test
  void shouldParseScenarioIdsAndNameTheKnownOnes() {
    assertThat(Scenario.parse("random-positions")).isEqualTo(Scenario.RANDOM_POSITIONS);
    assertThat(Scenario.parse("TEST")).isEqualTo(Scenario.TEST);
    assertThatThrownBy(() -> Scenario.parse("eval"))
        .hasMessageContaining("train, test, random-positions, co-located, co-located-positions");
  }
}
