package io.coinfer.mahppo.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.config.MahppoConfig.PowerScale;
import io.coinfer.mahppo.serve.MahppoScheduler;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmStartTest {

  @Test
  void shouldReproduceTheTeachersActionsAfterCloning(@TempDir Path out) {
    // Given a teacher whose point, sub-channel and power (0.01 to 1 W) depend on each UE's
    // distance, cloned for 32 rollouts of 256 slots on the log power scale
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg =
        MahppoConfig.recommended().toBuilder()
            .totalSteps(8192)
            .rollout(256, 64, 5)
            .powerScale(PowerScale.LOG)
            .warmStart(DistanceBandsTeacher.SPEC, 8192)
            .build();
    List<UpdateRecord> updates = new ArrayList<>();

    // When
    TrainingResult r =
        Trainer.train(
            new Trainer.Options(sc, cfg, 3, out, null, "test"),
            new TrainingListener() {
              @Override
              public void updated(UpdateRecord record) {
                updates.add(record);
              }
            });

    // Then the served policy, acting on its own on the test scenario and on random positions
    // (never trained on), takes the teacher's point and sub-channel in at least 9 decisions of 10
    // and comes within a factor 1.6 (0.2 decades) of its power on average
    MahppoScheduler policy =
        new MahppoScheduler(
            "cloned", Checkpoint.read(r.checkpoint()).weights(), PowerScale.LOG, sc, false, 0);
    CloneFidelity fidelity = new CloneFidelity();
    follow(policy, sc, Scenario.TEST, 0, fidelity);
    for (int k = 0; k < 5; k++) {
      follow(policy, sc, Scenario.RANDOM_POSITIONS, Evaluator.episodeSeed(1, k), fidelity);
    }
    assertThat(fidelity.pointAgreement()).isGreaterThanOrEqualTo(0.9);
    assertThat(fidelity.channelAgreement()).isGreaterThanOrEqualTo(0.9);
    assertThat(fidelity.powerDecades()).isLessThan(0.2);
    // and the training's own record of it (one rollout each, so noisy) rose from chance in the
    // first rollout to at least 0.85 over the last four
    assertThat(updates.get(0).clonePoint()).isLessThan(0.5);
    double lastFour =
        updates.subList(updates.size() - 4, updates.size()).stream()
            .mapToDouble(UpdateRecord::clonePoint)
            .average()
            .orElseThrow();
    assertThat(lastFour).isGreaterThanOrEqualTo(0.85);
  }

  /** Runs one episode with the policy acting and compares every decision with the teacher's. */
  private static void follow(
      MahppoScheduler policy, ScenarioConfig sc, Scenario scenario, long seed, CloneFidelity f) {
    MecEnvironment env = new MecEnvironment(sc, scenario);
    env.reset(seed);
    policy.reset(seed);
    while (!env.done() && env.slot() < 200) {
      Action[] actions = policy.decide(SchedulingContext.of(env));
      for (int u = 0; u < actions.length; u++) {
        Action t = DistanceBandsTeacher.choose(env.distance(u), sc.pmaxWatts());
        f.add(
            actions[u].point(),
            actions[u].channel(),
            actions[u].powerWatts(),
            t.point(),
            t.channel(),
            t.powerWatts());
      }
      env.step(actions);
    }
  }
}
