package io.coinfer.mec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.testing.TestProfiles;
import org.junit.jupiter.api.Test;

/**
 * A two-UE episode worked by hand (profile and parameters in {@link TestProfiles}: both UEs at 1 m,
 * noise 1 W, so SINR = p_i / (1 + p_j) for co-channel transmitters; W = 1 MHz; T = 1 s).
 *
 * <pre>
 * Rates: R(x) = 1e6 log2(1 + x).
 *   alone at 3 W:            R(3)    = 2,000,000 bit/s
 *   3 W against 1 W:         R(3/2)  = 1e6 log2 2.5  = 1,321,928.0949 bit/s
 *   1 W against 3 W:         R(1/4)  = 1e6 log2 1.25 =   321,928.0949 bit/s
 *   1 W against 1 W:         R(1/2)  = 1e6 log2 1.5  =   584,962.5007 bit/s
 *   alone at 1 W:            R(1)    = 1,000,000 bit/s
 *
 * Start: UE0 point 0 (3,000,000 bits) on channel 0 at 3 W; UE1 point 1 (0.5 s at 2 W, then
 * 400,000 bits) on channel 0 at 1 W; two tasks each.
 *
 * Slot 1 (same actions):
 *   0 .. 0.5 s  UE0 alone: sends 0.5 x 2e6 = 1,000,000 bits, 3 W x 0.5 = 1.5 J.
 *               UE1 computes: 2 W x 0.5 = 1.0 J; at 0.5 s compute ends -> transmit (inside the slot).
 *   0.5 .. 1 s  both on channel 0: UE0 sends 0.5 x 1,321,928.0949 = 660,964.0474 bits, +1.5 J;
 *               UE1 sends 0.5 x 321,928.0949 = 160,964.0474 bits, 1 W x 0.5 = +0.5 J.
 *   End: UE0 has 1,339,035.9526 bits left, 3.0 J; UE1 239,035.9526 bits left, 1.5 J; none finished.
 *   Reward = -(T / max(0, 0.8)) - beta (mean E / 0.8) = -1.25 - 2.25 / 0.8 = -4.0625.
 *
 * Slot 2: UE0 -> (point 5, channel 0, 1 W): the power drops to 1 W at once, mid-transmission; the
 * point applies to its next task. UE1 -> (point 0, channel 1, 1 W).
 *   Both at 1 W on channel 0: R(1/2) each. UE1 ends at t_a = 239,035.9526 / 584,962.5007
 *   = 0.4086347 s (its first task took 1.4086347 s), then starts task 2 at point 0 on channel 1;
 *   from then both are alone on their channels at 1 W: 1,000,000 bit/s each.
 *   End: UE0 1,339,035.9526 - 0.4086347 x 584,962.5007 - 0.5913653 x 1e6 = 508,634.6599 bits;
 *        UE1 3,000,000 - 0.5913653 x 1e6 = 2,408,634.6599 bits. Energy 1 J each. Finished: UE1 1.
 *   Reward = -(1 / 0.8) - (1 / 0.8) = -2.5 (f = 0.5 is below the 0.8 floor).
 * </pre>
 */
class TwoUeKnownAnswerTest {

  private static final double BITS = ScenarioConfig.RAW_IMAGE_BITS;

  private final MecEnvironment env =
      new MecEnvironment(TestProfiles.handWorked(false), Scenario.TEST);

  @Test
  void shouldMatchTheHandWorkedRatesWithAndWithoutInterference() {
    // Given the radio of the hand-worked scenario
    var uplink = TestProfiles.handWorked(false).uplink();
    double[] d = {1, 1};
    int[] sameChannel = {0, 0};
    // Then
    assertThat(uplink.rate(0, new double[] {3, 1}, d, sameChannel, new boolean[] {true, false}))
        .isCloseTo(2_000_000, within(1e-6));
    assertThat(uplink.rate(0, new double[] {3, 1}, d, sameChannel, new boolean[] {true, true}))
        .isCloseTo(1_321_928.0949, within(1e-3));
    assertThat(uplink.rate(1, new double[] {3, 1}, d, sameChannel, new boolean[] {true, true}))
        .isCloseTo(321_928.0949, within(1e-3));
    assertThat(uplink.rate(1, new double[] {3, 1}, d, new int[] {0, 1}, new boolean[] {true, true}))
        .isCloseTo(1_000_000, within(1e-6));
  }

  @Test
  void shouldSwitchFromComputeToTransmitInsideTheSlotAndShareTheChannel() {
    // Given
    start();
    // When slot 1 runs with the initial actions
    StepResult slot1 = env.step(new Action[] {new Action(0, 0, 3.0), new Action(1, 0, 1.0)});
    // Then
    assertThat(slot1.energyPerUe()[0]).isCloseTo(3.0, within(1e-12));
    assertThat(slot1.energyPerUe()[1]).isCloseTo(1.5, within(1e-12));
    assertThat(slot1.finishedPerUe()).containsExactly(0, 0);
    assertThat(env.bitsLeft(0)).isCloseTo(1_339_035.9526, within(1e-3));
    assertThat(env.bitsLeft(1)).isCloseTo(239_035.9526, within(1e-3));
    assertThat(env.phase(1)).isEqualTo(Phase.TRANSMIT);
    assertThat(slot1.state()[2]).isCloseTo(1_339_035.9526 / BITS, within(1e-9));
    assertThat(slot1.state()[4 + 2]).isCloseTo(239_035.9526 / BITS, within(1e-9));
    assertThat(slot1.reward()).isCloseTo(-4.0625, within(1e-12));
  }

  @Test
  void shouldApplyPowerAtOnceAndPointToTheNextTask() {
    // Given slot 1 done
    start();
    env.step(new Action[] {new Action(0, 0, 3.0), new Action(1, 0, 1.0)});
    // When slot 2 lowers UE0's power mid-transmission and moves UE1's next task
    StepResult slot2 = env.step(new Action[] {new Action(5, 0, 1.0), new Action(0, 1, 1.0)});
    // Then
    assertThat(slot2.finishedPerUe()).containsExactly(0, 1);
    assertThat(env.bitsLeft(0)).isCloseTo(508_634.6599, within(1e-3));
    assertThat(env.bitsLeft(1)).isCloseTo(2_408_634.6599, within(1e-3));
    assertThat(env.currentAction(0).point()).isZero(); // UE0's task in flight keeps point 0
    assertThat(env.pendingAction(0).point()).isEqualTo(5);
    assertThat(env.currentAction(1)).isEqualTo(new Action(0, 1, 1.0));
    assertThat(slot2.energyPerUe()[0]).isCloseTo(1.0, within(1e-12));
    assertThat(slot2.energyPerUe()[1]).isCloseTo(1.0, within(1e-12));
    assertThat(slot2.reward()).isCloseTo(-2.5, within(1e-12));
    assertThat(env.taskLatencies()).containsExactly(new double[] {1.4086347}, within(1e-6));
  }

  @Test
  void shouldComputeTheRewardOfASlotByTheFormula() {
    // Given T = 1 s and beta = 1
    // When 1.5 tasks per UE finished with 2.4 J per UE: -(1 / 1.5) - 1 x (2.4 / 1.5)
    // Then
    assertThat(env.reward(2.4, 1.5)).isCloseTo(-1.0 / 1.5 - 2.4 / 1.5, within(1e-12));
    // and below the 0.8 floor the divisor is 0.8: -(1 / 0.8) - 0.4 / 0.8 = -1.75
    assertThat(env.reward(0.4, 0.2)).isCloseTo(-1.75, within(1e-12));
  }

  private void start() {
    env.reset(
        new EpisodeSetup(
            new double[] {1, 1},
            new int[] {2, 2},
            new Action[] {new Action(0, 0, 3.0), new Action(1, 0, 1.0)}));
  }
}
