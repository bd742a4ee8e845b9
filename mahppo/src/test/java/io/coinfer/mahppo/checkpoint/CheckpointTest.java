package io.coinfer.mahppo.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mahppo.policy.PolicyWeights;
import io.coinfer.mahppo.ppo.RunningStats;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  private static final ScenarioConfig SC = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);

  @Test
  void shouldRoundTripWeightsConfigAndProvenanceAndGiveTheSameDecisions(@TempDir Path dir) {
    // Given a randomly initialised policy saved as a checkpoint
    MahppoConfig cfg = MahppoConfig.recommended();
    Checkpoint saved = checkpoint(cfg, new Random(3));
    saved.write(dir, Map.of("m.x", new float[] {1f, 2f}));

    // When it is read back and served through the scheduler SPI
    Checkpoint loaded = Checkpoint.read(dir);
    Scheduler original =
        new io.coinfer.mahppo.serve.MahppoScheduler(
            "a", saved.weights(), cfg.powerScale(), SC, false, 0);
    Scheduler restored = Schedulers.create("mahppo:" + dir, SC, 0);

    // Then everything survives and the two schedulers decide alike over a test episode
    assertThat(loaded.config()).isEqualTo(cfg);
    assertThat(loaded.provenance()).isEqualTo(saved.provenance());
    assertThat(loaded.valueStats()).isEqualTo(saved.valueStats());
    assertThat(loaded.weights().tensors()).isEqualTo(saved.weights().tensors());
    assertThat(Checkpoint.readOptimizer(dir).get("m.x")).containsExactly(1f, 2f);
    assertThat(decisions(restored)).isEqualTo(decisions(original));
  }

  @Test
  void shouldRejectADirectoryWithoutACheckpoint(@TempDir Path dir) {
    assertThatThrownBy(() -> Checkpoint.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing checkpoint.json");
  }

  @Test
  void shouldRejectWeightsLongerThanTheHeaderSays(@TempDir Path dir) throws Exception {
    // Given a checkpoint whose weights file has a stray extra byte
    checkpoint(MahppoConfig.published(), new Random(1)).write(dir, null);
    Files.write(
        dir.resolve(Checkpoint.WEIGHTS), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);

    // When read, then it fails clearly
    assertThatThrownBy(() -> Checkpoint.read(dir)).hasMessageContaining("longer than its header");
  }

  static Checkpoint checkpoint(MahppoConfig cfg, Random random) {
    PolicyShape shape = cfg.policyShape(5, 2);
    // a non-orthogonal init gives non-trivial decisions right away
    PolicyWeights w = PolicyWeights.initialise(shape, false, random);
    Provenance p =
        new Provenance(
            "resnet18", 5, 2, 1, 1024, 1.5, "abc", "0.36.0", "2.7.1", "now", 0.03, 0.02, "test");
    return new Checkpoint(p, cfg, w, new RunningStats(3, -1.5, 0.25), 80, 1);
  }

  private static List<String> decisions(Scheduler scheduler) {
    MecEnvironment env = new MecEnvironment(SC, Scenario.TEST);
    env.reset(0);
    scheduler.reset(0);
    List<String> out = new ArrayList<>();
    while (!env.done() && env.slot() < 200) {
      Action[] a = scheduler.decide(SchedulingContext.of(env));
      out.add(java.util.Arrays.toString(a));
      env.step(a);
    }
    return out;
  }
}
