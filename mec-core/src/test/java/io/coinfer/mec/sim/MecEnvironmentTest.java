package io.coinfer.mec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.profile.Net;
import org.junit.jupiter.api.Test;

class MecEnvironmentTest {

  private final ScenarioConfig vgg = ScenarioConfig.paperDefaults(Net.VGG11, 5, 2);

  @Test
  void shouldScaleComputeTimeByTheNetsOwnFullLocalTime() {
    // Given the test scenario: every UE starts a local vgg11 task (0.1893 s) at 50 m
    MecEnvironment env = new MecEnvironment(vgg, Scenario.TEST);
    // When
    double[] state = env.reset(0);
    // Then: the published code would give 0.1893 / 0.092876 here; we give 1
    assertThat(state).hasSize(20);
    for (int i = 0; i < 5; i++) {
      assertThat(state[4 * i]).isEqualTo(1.0);
      assertThat(state[4 * i + 1]).isCloseTo(1.0, within(1e-12));
      assertThat(state[4 * i + 2]).isZero();
      assertThat(state[4 * i + 3]).isCloseTo(49.0 / 99.0, within(1e-12));
    }
  }

  @Test
  void shouldGiveTheSameSlotThroughTheAllocationFreeStep() {
    // Given two environments on the same training episode
    ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    MecEnvironment a = new MecEnvironment(cfg, Scenario.TRAIN);
    MecEnvironment b = new MecEnvironment(cfg, Scenario.TRAIN);
    a.reset(42);
    b.reset(42);
    int[] points = {0, 1, 2, 3, 4};
    int[] channels = {0, 1, 0, 1, 0};
    double[] powers = {1.0, 0.5, 0.25, 0.1, 0.01};
    Action[] actions = new Action[5];
    for (int i = 0; i < 5; i++) {
      actions[i] = new Action(points[i], channels[i], powers[i]);
    }
    double[] state = new double[a.stateSize()];
    for (int slot = 0; slot < 10; slot++) {
      // When
      StepResult viaRecord = a.step(actions);
      double reward = b.step(points, channels, powers, state);
      // Then
      assertThat(state).containsExactly(viaRecord.state());
      assertThat(reward).isEqualTo(viaRecord.reward());
      assertThat(b.done()).isEqualTo(viaRecord.done());
      for (int i = 0; i < 5; i++) {
        assertThat(b.slotFinished(i)).isEqualTo(viaRecord.finishedPerUe()[i]);
        assertThat(b.slotEnergy(i)).isEqualTo(viaRecord.energyPerUe()[i]);
      }
    }
  }

  @Test
  void shouldStepWithoutAllocatingThroughThePrimitiveOverload() {
    // Given a long resnet18 episode with mixed actions, warmed up
    ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2).withLambda(100_000);
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(1);
    int[] points = {0, 1, 3, 5, 4};
    int[] channels = {0, 1, 0, 1, 1};
    double[] powers = {1.0, 0.5, 0.2, 0.1, 0.05};
    double[] state = new double[env.stateSize()];
    for (int k = 0; k < 2_000; k++) {
      env.step(points, channels, powers, state);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    // When
    long before = threads.getThreadAllocatedBytes(thread);
    for (int k = 0; k < 2_000; k++) {
      env.step(points, channels, powers, state);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // Then (a little slack for the measurement itself)
    assertThat(env.done()).isFalse();
    assertThat(allocated).isLessThan(1_024);
  }

  @Test
  void shouldRejectActionsOutOfRangeWithTheUeAndTheRange() {
    MecEnvironment env = new MecEnvironment(vgg, Scenario.TEST);
    env.reset(0);
    Action ok = new Action(5, 0, 1.0);
    assertThatThrownBy(() -> env.step(new Action[] {ok, ok, new Action(6, 0, 1.0), ok, ok}))
        .hasMessageContaining("UE 2")
        .hasMessageContaining("0..5");
    assertThatThrownBy(() -> env.step(new Action[] {ok, new Action(1, 2, 1.0), ok, ok, ok}))
        .hasMessageContaining("sub-channel 2");
    assertThatThrownBy(() -> env.step(new Action[] {new Action(1, 0, 0.0), ok, ok, ok, ok}))
        .hasMessageContaining("power 0.0 W");
    assertThatThrownBy(() -> env.step(new Action[] {ok}))
        .hasMessageContaining("1 actions for 5 UEs");
  }

  @Test
  void shouldEndTheEpisodeWhenEveryUeHasFinishedAndRefuseFurtherSteps() {
    // Given 5 local tasks of 0.1893 s per UE: 0.9465 s of work, i.e. two slots
    MecEnvironment env = new MecEnvironment(vgg.withLambda(5), Scenario.TEST);
    env.reset(0);
    Action[] local = new Action[5];
    java.util.Arrays.fill(local, Action.local(0));
    // When
    StepResult first = env.step(local);
    StepResult second = env.step(local);
    // Then
    assertThat(first.done()).isFalse();
    assertThat(first.finished()).isEqualTo(10); // two tasks per UE end within 0.5 s
    assertThat(second.done()).isTrue();
    assertThat(env.episodeFinished()).isEqualTo(25);
    assertThat(env.phase(0)).isEqualTo(Phase.IDLE);
    assertThatThrownBy(() -> env.step(local))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call reset");
  }
}
