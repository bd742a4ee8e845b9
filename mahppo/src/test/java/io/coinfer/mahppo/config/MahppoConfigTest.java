package io.coinfer.mahppo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                    5))
        .hasMessageContaining("clipEpsilon");
  }
}
