package io.coinfer.mahppo.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mahppo.config.MahppoConfig.RewardKind;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import org.junit.jupiter.api.Test;

class ObjectiveRewardTest {

  private static final double BETA = 0.7;

  @Test
  void shouldSumToTheObjectiveOverWholeSlotsOrOverTheContinuousMakespan() {
    ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    double objective = 0;
    double makespan = 0;
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    env.reset(1);
    double meanTasks = (double) env.episodeTasks() / cfg.ues();
    Action[] actions = new Action[cfg.ues()];
    for (int u = 0; u < actions.length; u++) {
      actions[u] = new Action(2, u % cfg.channels(), 0.5);
    }
    while (!env.done()) {
      env.step(actions);
      objective += Trainer.objectiveReward(RewardKind.OBJECTIVE, env, BETA, meanTasks);
      makespan += Trainer.objectiveReward(RewardKind.MAKESPAN, env, BETA, meanTasks);
    }
    double energy = env.episodeEnergy() / cfg.ues();
    double slots = env.slot() * cfg.slotSeconds();
    assertThat(objective).isCloseTo(-100 * (slots + BETA * energy) / meanTasks, within(1e-9));
    assertThat(makespan)
        .isCloseTo(-100 * (env.lastCompletionSeconds() + BETA * energy) / meanTasks, within(1e-9));
    assertThat(env.lastCompletionSeconds())
        .isGreaterThan(slots - cfg.slotSeconds())
        .isLessThan(slots);
  }
}
