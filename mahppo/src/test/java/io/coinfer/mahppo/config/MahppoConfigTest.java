package io.coinfer.mahppo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mahppo.config.MahppoConfig.PowerScale;
import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mec.sim.Scenario;
import org.junit.jupiter.api.Test;

class MahppoConfigTest {

  @Test
  void shouldDefaultToThePublishedHyperparameters() {
    MahppoConfig c = MahppoConfig.published();
    assertThat(c.gamma()).isEqualTo(0.95);
    assertThat(c.gaeLambda()).isEqualTo(0.95);
    assertThat(c.clipEpsilon()).isEqualTo(0.2);
    assertThat(c.entropyCoef()).isEqualTo(1e-3);
    assertThat(c.actorLearningRate()).isEqualTo(1e-4);
    assertThat(c.minibatchesPerUpdate()).isEqualTo(80);
    assertThat(c.criticTarget()).isEqualTo(MahppoConfig.CriticTarget.TD);
    assertThat(c.reward()).isEqualTo(MahppoConfig.RewardKind.PUBLISHED);
  }

  @Test
  void shouldRejectAMinibatchThatDoesNotDivideTheRollout() {
    assertThatThrownBy(() -> MahppoConfig.published().toBuilder().rollout(1000, 256, 20).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minibatchSize must divide rolloutSteps");
  }

  @Test
  void shouldRejectAClipRangeOutsideZeroOne() {
    MahppoConfig p = MahppoConfig.published();
    assertThatThrownBy(
            () ->
                new MahppoConfig(
                    1,
                    0.9,
                    0.9,
                    1.5,
                    0,
                    1e-4,
                    1e-4,
                    8,
                    4,
                    1,
                    0.15,
                    p.trunkHidden(),
                    8,
                    p.criticHidden(),
                    0.9,
                    0.999,
                    1e-8,
                    p.criticTarget(),
                    false,
                    false,
                    0,
                    false,
                    false,
                    p.reward(),
                    false,
                    false,
                    5,
                    p.powerScale(),
                    false,
                    "",
                    0,
                    0,
                    null,
                    0,
                    0,
                    null,
                    0,
                    false,
                    0,
                    false,
                    null,
                    0,
                    0))
        .hasMessageContaining("clipEpsilon");
  }

  @Test
  void shouldKeepTheGaussianPowerHeadUnlessLevelsAreSetAndRejectASingleLevel() {
    assertThat(MahppoConfig.published().powerLevels()).isZero();
    assertThat(MahppoConfig.recommended().policyShape(5, 2).categoricalPower()).isFalse();
    PolicyShape shape =
        MahppoConfig.recommended().toBuilder().powerLevels(31).build().policyShape(5, 2);
    assertThat(shape.heads()).containsExactly("point", "channel", "power");
    assertThat(shape.headSizes()).containsExactly(6, 2, 31);
    // level k is the head sample pmax * k / 30; a sample goes to its nearest level
    assertThat(shape.powerSample(30, 2.0)).isEqualTo(2.0);
    assertThat(shape.powerLevel(0.99, 2.0)).isEqualTo(15);
    assertThat(shape.powerLevel(-1, 2.0)).isZero();
    assertThat(shape.powerLevel(3, 2.0)).isEqualTo(30);
    assertThatThrownBy(() -> MahppoConfig.recommended().toBuilder().powerLevels(1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("powerLevels must be 0 (a Gaussian power head) or at least 2");
  }

  @Test
  void shouldMapTheLogPowerScaleOverThreeDecadesAndBack() {
    // Given the log scale with pmax 1 W
    PowerScale log = PowerScale.LOG;

    // Then the head's range [0, pmax] spans 1 mW to 1 W, clamped outside, and sample inverts watts
    assertThat(log.watts(1.0, 1.0)).isEqualTo(1.0);
    assertThat(log.watts(0.0, 1.0)).isCloseTo(1e-3, within(1e-12));
    assertThat(log.watts(-0.4, 1.0)).isCloseTo(1e-3, within(1e-12));
    assertThat(log.watts(2.0 / 3, 1.0)).isCloseTo(0.1, within(1e-9));
    assertThat(log.sample(0.01, 1.0)).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(log.watts(log.sample(0.02, 1.0), 1.0)).isCloseTo(0.02, within(1e-9));
    assertThat(PowerScale.LINEAR.watts(-0.1, 1.0)).isEqualTo(1e-10);
    assertThat(PowerScale.LINEAR.sample(0.3, 1.0)).isEqualTo(0.3);
  }

  @Test
  void shouldRejectAWarmStartWithoutTeacher() {
    assertThatThrownBy(() -> MahppoConfig.recommended().toBuilder().warmStart(" ", 100).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warmStartTeacher");
  }

  @Test
  void shouldLetThePointHeadsExtraEntropyWeightFallLinearlyToZero() {
    // Given an entropy bonus of 0.001 and a point-head extra of 0.02 over 1000 steps
    MahppoConfig c =
        MahppoConfig.recommended().toBuilder()
            .totalSteps(1000)
            .entropyCoef(0.001)
            .pointEntropyExtra(0.02)
            .build();

    // Then the point head's weight starts at 0.021, halves its extra halfway and ends at 0.001
    assertThat(c.pointEntropyCoef(0)).isCloseTo(0.021, within(1e-12));
    assertThat(c.pointEntropyCoef(500)).isCloseTo(0.011, within(1e-12));
    assertThat(c.pointEntropyCoef(1000)).isCloseTo(0.001, within(1e-12));
    assertThat(c.pointEntropyCoef(2000)).isCloseTo(0.001, within(1e-12));
    assertThat(MahppoConfig.published().pointEntropyExtra()).isZero();
    assertThatThrownBy(() -> MahppoConfig.published().toBuilder().pointEntropyExtra(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pointEntropyExtra");
  }

  @Test
  void shouldTrainOnTheScenariosBetaUnlessARewardBetaIsSet() {
    assertThat(MahppoConfig.recommended().rewardBeta()).isNull();
    assertThat(MahppoConfig.recommended().trainingBeta(1)).isEqualTo(1);
    assertThat(MahppoConfig.recommended().toBuilder().rewardBeta(0.2).build().trainingBeta(1))
        .isEqualTo(0.2);
    assertThat(MahppoConfig.recommended().keepBestMaxLatency()).isZero();
    assertThatThrownBy(() -> MahppoConfig.recommended().toBuilder().rewardBeta(-0.1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rewardBeta");
    assertThatThrownBy(() -> MahppoConfig.recommended().toBuilder().keepBestMaxLatency(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keepBestMaxLatency");
  }

  @Test
  void shouldDrawNoCoLocatedEpisodesUnlessAskedAndRejectAShareOutsideZeroOne() {
    assertThat(MahppoConfig.published().coLocatedFraction()).isZero();
    assertThat(MahppoConfig.recommended().coLocatedFraction()).isZero();
    assertThatThrownBy(() -> MahppoConfig.recommended().toBuilder().coLocatedFraction(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coLocatedFraction must be in [0, 1]");
  }

  @Test
  void shouldDrawTrainingStyleCoLocatedEpisodesUnlessToldAndOnlyCoLocatedOnes() {
    assertThat(MahppoConfig.published().coLocatedScenario()).isEqualTo(Scenario.CO_LOCATED);
    assertThat(MahppoConfig.recommended().toBuilder().coLocatedScenario(null).build())
        .isEqualTo(MahppoConfig.recommended());
    assertThat(
            MahppoConfig.recommended().toBuilder()
                .coLocatedScenario(Scenario.CO_LOCATED_POSITIONS)
                .build()
                .coLocatedScenario())
        .isEqualTo(Scenario.CO_LOCATED_POSITIONS);
    assertThatThrownBy(
            () ->
                MahppoConfig.recommended().toBuilder()
                    .coLocatedScenario(Scenario.RANDOM_POSITIONS)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coLocatedScenario must be co-located or co-located-positions");
  }

  @Test
  void shouldTrainOnTheTrainingScenarioUnlessToldAndNeverOnTheTestScenario() {
    assertThat(MahppoConfig.published().trainingScenario()).isEqualTo(Scenario.TRAIN);
    assertThat(MahppoConfig.recommended().toBuilder().trainingScenario(null).build())
        .isEqualTo(MahppoConfig.recommended());
    assertThatThrownBy(
            () -> MahppoConfig.recommended().toBuilder().trainingScenario(Scenario.TEST).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be the test scenario");
  }

  @Test
  void shouldValidateOnTenEpisodesUnlessToldAndReadAnOlderConfigsZeroAsTen() {
    assertThat(MahppoConfig.recommended().validationEpisodes()).isEqualTo(10);
    assertThat(MahppoConfig.recommended().toBuilder().validationEpisodes(0).build())
        .isEqualTo(MahppoConfig.recommended());
    assertThatThrownBy(() -> MahppoConfig.recommended().toBuilder().validationEpisodes(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validationEpisodes must be >= 1");
  }
}
