package io.coinfer.mahppo.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSmokeTest {

  @Test
  void shouldTrainAFewThousandStepsAndWriteMetricsCurveAndCheckpoint(@TempDir Path out)
      throws Exception {
    // Given the published algorithm on the default scenario, 3 rollouts of 1024 slots
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    MahppoConfig cfg = MahppoConfig.recommended().toBuilder().totalSteps(3072).build();

    // When
    TrainingResult r =
        Trainer.train(new Trainer.Options(sc, cfg, 7, out, null, "test"), TrainingListener.none());

    // Then
    assertThat(r.steps()).isEqualTo(3072);
    assertThat(r.latencyPerTask()).isPositive();
    assertThat(r.energyPerTask()).isPositive();
    List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).startsWith("update,steps");
    assertThat(Files.size(out.resolve("learning-curve.png"))).isPositive();
    Checkpoint cp = Checkpoint.read(r.checkpoint());
    assertThat(cp.provenance().steps()).isEqualTo(3072);
    assertThat(cp.provenance().latencyPerTask()).isEqualTo(r.latencyPerTask());
    assertThat(cp.config()).isEqualTo(cfg);
    System.out.printf("smoke: %.1f steps/s%n", r.stepsPerSecond());
  }
}
