package io.coinfer.mahppo.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaeTest {

  private static final double GAMMA = 0.9;
  private static final double LAMBDA = 0.8;

  @Test
  void shouldGiveKnownAdvantagesWhenTheEpisodeTerminatesWithRewardAtTheLastStep() {
    // Given a constant-value critic (0.5) and reward 1 only at the last, terminal step
    float[] rewards = {0, 0, 1};
    float[] values = {0.5f, 0.5f, 0.5f};
    boolean[] terminal = {false, false, true};
    boolean[] cut = {false, false, false};

    // When
    float[][] out = run(rewards, values, terminal, cut, new float[3]);

    // Then delta_2 = 1 - 0.5; delta_t = 0.9 * 0.5 - 0.5 before; A_t = delta_t + 0.72 A_{t+1}
    assertThat(out[0][2]).isCloseTo(0.5f, within(1e-6f));
    assertThat(out[0][1]).isCloseTo(-0.05f + 0.72f * 0.5f, within(1e-6f));
    assertThat(out[0][0]).isCloseTo(-0.05f + 0.72f * 0.31f, within(1e-6f));
    assertThat(out[1][0]).isCloseTo(out[0][0] + 0.5f, within(1e-6f));
    assertThat(out[2][2]).isCloseTo(1f, within(1e-6f));
    assertThat(out[2][1]).isCloseTo(0.45f, within(1e-6f));
  }

  @Test
  void shouldBootstrapFromTheLastStateValueWhenTheEpisodeIsTruncated() {
    // Given the same episode cut by the slot cap, the next state's value being 0.5
    float[] rewards = {0, 0, 1};
    float[] values = {0.5f, 0.5f, 0.5f};
    boolean[] terminal = {false, false, false};
    boolean[] cut = {false, false, true};
    float[] bootstrap = {0, 0, 0.5f};

    // When
    float[][] out = run(rewards, values, terminal, cut, bootstrap);

    // Then delta_2 = 1 + 0.9 * 0.5 - 0.5 = 0.95 and the recursion runs back from it
    assertThat(out[0][2]).isCloseTo(0.95f, within(1e-6f));
    assertThat(out[0][1]).isCloseTo(-0.05f + 0.72f * 0.95f, within(1e-6f));
    assertThat(out[0][0]).isCloseTo(-0.05f + 0.72f * 0.634f, within(1e-6f));
    assertThat(out[2][2]).isCloseTo(1.45f, within(1e-6f));
  }

  @Test
  void shouldNotLeakAdvantageAcrossAnEpisodeBoundary() {
    // Given a terminal episode of 2 steps followed by a truncated one of 2 steps with a big reward
    float[] rewards = {0, 1, 0, 100};
    float[] values = {0.5f, 0.5f, 0.5f, 0.5f};
    boolean[] terminal = {false, true, false, false};
    boolean[] cut = {false, false, false, true};
    float[] bootstrap = {0, 0, 0, 0.5f};

    // When
    float[][] out = run(rewards, values, terminal, cut, bootstrap);

    // Then the first episode's advantages ignore the second episode's reward
    assertThat(out[0][1]).isCloseTo(0.5f, within(1e-6f));
    assertThat(out[0][0]).isCloseTo(-0.05f + 0.72f * 0.5f, within(1e-6f));
    assertThat(out[0][3]).isCloseTo(100f + 0.45f - 0.5f, within(1e-4f));
  }

  private static float[][] run(
      float[] rewards, float[] values, boolean[] terminal, boolean[] cut, float[] bootstrap) {
    int n = rewards.length;
    float[] adv = new float[n];
    float[] ret = new float[n];
    float[] td = new float[n];
    Gae.compute(rewards, values, terminal, cut, bootstrap, GAMMA, LAMBDA, adv, ret, td);
    return new float[][] {adv, ret, td};
  }
}
