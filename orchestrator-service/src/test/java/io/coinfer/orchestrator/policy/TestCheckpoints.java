package io.coinfer.orchestrator.policy;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mahppo.checkpoint.Provenance;
import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mahppo.policy.PolicyWeights;
import io.coinfer.mahppo.ppo.RunningStats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes freshly initialised MAHPPO checkpoints for resnet18 with two sub-channels (the actor sizes
 * of the paper: trunk 256-128, heads 64), for tests and benchmarks where the weights' values do not
 * matter.
 */
public final class TestCheckpoints {

  private TestCheckpoints() {}

  /**
   * Writes a checkpoint.
   *
   * @param dir the folder to write it into (created if needed)
   * @param ues the fleet size it is trained for
   * @param sharedActor one parameter-shared actor (serving up to 128 UEs) or one actor per UE
   * @return the checkpoint folder, for the spec {@code mahppo:<folder>}
   */
  public static Path write(Path dir, int ues, boolean sharedActor) {
    return write(dir, ues, sharedActor, MahppoConfig.recommended());
  }

  /**
   * Writes a checkpoint of one actor per UE that reads beta, as {@code train-policy --beta-range
   * <betaMin>:<betaMax>} trains it.
   *
   * @param dir the folder to write it into (created if needed)
   * @param ues the fleet size it is trained for
   * @param betaMin the smallest beta it serves
   * @param betaMax the largest beta it serves
   * @return the checkpoint folder, for the spec {@code mahppo:<folder>}
   */
  public static Path writeBetaConditioned(Path dir, int ues, double betaMin, double betaMax) {
    return write(
        dir,
        ues,
        false,
        MahppoConfig.recommended().toBuilder().betaRange(betaMin, betaMax).build());
  }

  private static Path write(Path dir, int ues, boolean sharedActor, MahppoConfig config) {
    PolicyShape shape =
        new PolicyShape(
            ues,
            2,
            sharedActor,
            sharedActor ? 128 : ues,
            false,
            List.of(256, 128),
            64,
            List.of(256, 128, 64),
            false,
            0,
            false,
            config.conditionedOnBeta());
    new Checkpoint(
            new Provenance(
                "resnet18",
                ues,
                2,
                0,
                0,
                0,
                "test",
                "-",
                "-",
                Instant.now().toString(),
                0,
                0,
                "TestCheckpoints"),
            config,
            PolicyWeights.initialise(shape, true, new Random(0)),
            RunningStats.initial(),
            0,
            0)
        .write(dir, null);
    return dir;
  }
}
