package io.coinfer.mec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.profile.DeviceProfiles;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.testing.TestProfiles;
import org.junit.jupiter.api.Test;

/**
 * The edge-compute option: one edge processor, FIFO by arrival.
 *
 * <pre>
 * UE0: one task at point 0 (3,000,000 bits) alone on channel 0 at 3 W: R(3) = 2 Mbit/s, arrives
 *      at the edge at 1.5 s; tail 0.3 s.
 * UE1: one task at point 1 (0.5 s compute, 400,000 bits) alone on channel 1 at 1 W: 1 Mbit/s,
 *      arrives at 0.9 s; tail 0.5 s -> the edge runs it 0.9 .. 1.4 s.
 * UE0's task waits for nothing (edge idle at 1.5 s): done at 1.8 s. Latencies: 1.4 s and 1.8 s.
 * Slots (T = 1 s): slot 1 none finished; slot 2 both; done after 2 slots.
 * Without the option both count as finished when their last bit is sent (0.9 s and 1.5 s).
 * </pre>
 */
class EdgeComputeTest {

  private static final EpisodeSetup SETUP =
      new EpisodeSetup(
          new double[] {1, 1},
          new int[] {1, 1},
          new Action[] {new Action(0, 0, 3.0), new Action(1, 1, 1.0)});
  private static final Action[] SAME = {new Action(0, 0, 3.0), new Action(1, 1, 1.0)};

  @Test
  void shouldFinishTasksWhenTheEdgeHasRunTheirTailInArrivalOrder() {
    // Given
    MecEnvironment env = new MecEnvironment(TestProfiles.handWorked(true), Scenario.TEST);
    env.reset(SETUP);
    // When
    StepResult slot1 = env.step(SAME);
    StepResult slot2 = env.step(SAME);
    // Then
    assertThat(slot1.finished()).isZero();
    assertThat(slot1.done()).isFalse();
    assertThat(slot2.finishedPerUe()).containsExactly(1, 1);
    assertThat(slot2.done()).isTrue();
    assertThat(env.taskLatencies()).containsExactly(new double[] {1.4, 1.8}, within(1e-9));
  }

  @Test
  void shouldFinishTasksAtTheLastBitWithoutTheOption() {
    // Given
    MecEnvironment env = new MecEnvironment(TestProfiles.handWorked(false), Scenario.TEST);
    env.reset(SETUP);
    // When
    StepResult slot1 = env.step(SAME);
    StepResult slot2 = env.step(SAME);
    // Then
    assertThat(slot1.finishedPerUe()).containsExactly(0, 1);
    assertThat(slot2.finishedPerUe()).containsExactly(1, 0);
    assertThat(env.taskLatencies()).containsExactly(new double[] {0.9, 1.5}, within(1e-9));
  }

  @Test
  void shouldRefuseTheOptionWhenTheProfileHasNoEdgeTimes() {
    assertThatThrownBy(
            () ->
                ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2)
                    .withProfile(DeviceProfiles.jetsonNano(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edge_tail_seconds")
        .hasMessageContaining("jetson-nano");
  }
}
