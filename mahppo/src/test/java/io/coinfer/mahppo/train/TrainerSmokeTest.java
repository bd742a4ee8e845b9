package io.coinfer.mahppo.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.config.MahppoConfig.PowerScale;
import io.coinfer.mahppo.config.MahppoConfig.RewardKind;
import io.coinfer.mahppo.serve.MahppoScheduler;
import io.coinfer.mec.eval.EpisodeMetrics;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerSmokeTest {

  @Test
  void shouldTrainAFewThousandStepsAndWriteMetricsCurveAndCheckpoint(@TempDir Path out)
      throws Exception {
    // Given the recommended settings on the default scenario, 3 rollouts of 1024 slots
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
  }

  @Test
  void shouldGiveTheSameFiguresTwiceForTheSameSeed(@TempDir Path a, @TempDir Path b)
      throws Exception {
    // Given the published algorithm with small rollouts on mobilenetv2
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg =
        MahppoConfig.published().toBuilder().totalSteps(512).rollout(256, 64, 2).build();

    // When trained twice with seed 11
    TrainingResult first =
        Trainer.train(new Trainer.Options(sc, cfg, 11, a, null, "test"), TrainingListener.none());
    TrainingResult second =
        Trainer.train(new Trainer.Options(sc, cfg, 11, b, null, "test"), TrainingListener.none());

    // Then the test figures, the per-update losses and the weights are identical
    assertThat(second.latencyPerTask()).isEqualTo(first.latencyPerTask());
    assertThat(second.energyPerTask()).isEqualTo(first.energyPerTask());
    assertThat(columns(b, 4, 16)).isEqualTo(columns(a, 4, 16));
    assertThat(Files.readAllBytes(b.resolve("checkpoint").resolve(Checkpoint.WEIGHTS)))
        .isEqualTo(Files.readAllBytes(a.resolve("checkpoint").resolve(Checkpoint.WEIGHTS)));
  }

  @ParameterizedTest
  @EnumSource(RewardKind.class)
  void shouldChangeOnlyTheTrainingRewardWithARewardBeta(
      RewardKind kind, @TempDir Path unset, @TempDir Path same, @TempDir Path smaller)
      throws Exception {
    // Given small rollouts on mobilenetv2 with the scenario's beta of 1
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg =
        MahppoConfig.published().toBuilder()
            .totalSteps(512)
            .rollout(256, 64, 2)
            .reward(kind)
            .build();

    // When trained with seed 11 without a reward beta, with one equal to the scenario's and with
    // a smaller one
    Trainer.train(new Trainer.Options(sc, cfg, 11, unset, null, "test"), TrainingListener.none());
    Trainer.train(
        new Trainer.Options(sc, cfg.toBuilder().rewardBeta(1.0).build(), 11, same, null, "test"),
        TrainingListener.none());
    Trainer.train(
        new Trainer.Options(sc, cfg.toBuilder().rewardBeta(0.1).build(), 11, smaller, null, "test"),
        TrainingListener.none());

    // Then an equal reward beta changes nothing, bit for bit; a smaller one gives other episodic
    // returns already in the first rollout (same policy, same actions, cheaper energy), and the
    // checkpoint records it
    assertThat(columns(same, 4, 18)).isEqualTo(columns(unset, 4, 18));
    assertThat(Files.readAllBytes(same.resolve("checkpoint").resolve(Checkpoint.WEIGHTS)))
        .isEqualTo(Files.readAllBytes(unset.resolve("checkpoint").resolve(Checkpoint.WEIGHTS)));
    assertThat(episodicReturns(smaller).get(0)).isNotEqualTo(episodicReturns(unset).get(0));
    assertThat(Checkpoint.read(smaller.resolve("checkpoint")).config().rewardBeta()).isEqualTo(0.1);
  }

  @Test
  void shouldKeepNoUpdateWhoseValidationLatencyIsAboveTheCap(
      @TempDir Path capped, @TempDir Path loose) {
    // Given two updates of 256 slots on mobilenetv2 with the best checkpoint kept
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg =
        MahppoConfig.published().toBuilder()
            .totalSteps(512)
            .rollout(256, 64, 1)
            .keepBest(true)
            .build();

    // When kept under a latency cap no policy meets (1 us per task) and under one all meet
    TrainingResult none =
        Trainer.train(
            new Trainer.Options(
                sc, cfg.toBuilder().keepBestMaxLatency(1e-6).build(), 4, capped, null, "test"),
            TrainingListener.none());
    TrainingResult some =
        Trainer.train(
            new Trainer.Options(
                sc, cfg.toBuilder().keepBestMaxLatency(1e6).build(), 4, loose, null, "test"),
            TrainingListener.none());

    // Then nothing is kept under the first, and the best validation objective under the second
    assertThat(none.best()).isNull();
    assertThat(Files.exists(capped.resolve("best"))).isFalse();
    assertThat(some.best()).isNotNull();
    assertThat(some.bestValidationObjective()).isPositive().isFinite();
  }

  @Test
  void shouldContinueFromACheckpointWhenResumed(@TempDir Path out) {
    // Given a run of 256 slots
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    MahppoConfig cfg =
        MahppoConfig.published().toBuilder().totalSteps(256).rollout(256, 64, 1).build();
    TrainingResult first =
        Trainer.train(new Trainer.Options(sc, cfg, 5, out, null, "test"), TrainingListener.none());

    // When it is resumed up to 512 slots
    TrainingResult resumed =
        Trainer.train(
            new Trainer.Options(
                sc, cfg.toBuilder().totalSteps(512).build(), 5, out, first.checkpoint(), "test"),
            TrainingListener.none());

    // Then only the missing rollout is trained and the CSV holds both updates
    assertThat(resumed.steps()).isEqualTo(512);
    Checkpoint cp = Checkpoint.read(resumed.checkpoint());
    assertThat(cp.updates()).isEqualTo(2);
    assertThat(cp.adamSteps()).isEqualTo(8);
  }

  @Test
  void shouldStartANewRunFromTheWeightsOfACheckpointWhenInitialisedFromIt(
      @TempDir Path first, @TempDir Path tuned, @TempDir Path scratch) {
    // Given a run of 256 slots
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    MahppoConfig cfg =
        MahppoConfig.published().toBuilder().totalSteps(256).rollout(256, 64, 1).build();
    TrainingResult start =
        Trainer.train(
            new Trainer.Options(sc, cfg, 5, first, null, "test"), TrainingListener.none());

    // When a run with another seed and other switches (a smaller energy weight, co-located
    // episodes half the time, the UEs placed nearest first) starts from its weights, and the same
    // run starts from scratch
    MahppoConfig other =
        cfg.toBuilder().rewardBeta(0.3).coLocatedFraction(0.5).distanceOrder(true).build();
    TrainingResult fineTuned =
        Trainer.train(
            new Trainer.Options(sc, other, 6, tuned, null, start.checkpoint(), "test"),
            TrainingListener.none());
    TrainingResult fresh =
        Trainer.train(
            new Trainer.Options(sc, other, 6, scratch, null, "test"), TrainingListener.none());

    // Then it counts its own steps, records its own switches, and its weights stay close to the
    // start's after one update while a fresh run's are far from them
    Checkpoint a = Checkpoint.read(start.checkpoint());
    Checkpoint b = Checkpoint.read(fineTuned.checkpoint());
    assertThat(b.provenance().steps()).isEqualTo(256);
    assertThat(b.config()).isEqualTo(other);
    assertThat(b.weights().shape().distanceOrder()).isTrue();
    double moved = maxAbsDifference(a, b);
    assertThat(moved).isPositive();
    assertThat(moved).isLessThan(maxAbsDifference(a, Checkpoint.read(fresh.checkpoint())) / 10);
  }

  @Test
  void shouldRefuseToStartFromACheckpointOfAnotherShape(@TempDir Path first, @TempDir Path next) {
    // Given a run with the rich state
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.RESNET18, 5, 2);
    MahppoConfig rich =
        MahppoConfig.recommended().toBuilder().totalSteps(256).rollout(256, 64, 1).build();
    TrainingResult start =
        Trainer.train(
            new Trainer.Options(sc, rich, 5, first, null, "test"), TrainingListener.none());

    // When a run with the published state starts from it, then it is told why not
    MahppoConfig plain = MahppoConfig.published().toBuilder().totalSteps(256).build();
    assertThatThrownBy(
            () ->
                Trainer.train(
                    new Trainer.Options(sc, plain, 5, next, null, start.checkpoint(), "test"),
                    TrainingListener.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy shape")
        .hasMessageContaining("--rich-state");
  }

  @Test
  void shouldCloneAFixedTeacherBeforePpoAndKeepTheBestCheckpoint(@TempDir Path out) {
    // Given a warm start of 3 rollouts cloning every UE at point 2, sub-channel 0, 0.1 W, on the
    // log power scale, with the best checkpoint kept
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg = cloningAFixedTeacher().keepBest(true).build();

    // When
    TrainingResult r =
        Trainer.train(new Trainer.Options(sc, cfg, 3, out, null, "test"), TrainingListener.none());

    // Then the deterministic policy takes the teacher's point on the test scenario, and a best
    // checkpoint with its validation objective is kept
    assertThat(firstDecision(r, sc, false)).extracting(Action::point).containsOnly(2);
    assertThat(r.best()).isNotNull();
    assertThat(Checkpoint.read(r.best()).config().keepBest()).isTrue();
    assertThat(r.bestValidationObjective()).isPositive().isFinite();
  }

  @Test
  void shouldCloneATeachersPowerExactlyWithACategoricalPowerHead(@TempDir Path out) {
    // Given a categorical power head of 31 levels on the log scale (level k is pmax 10^(k/10 - 3),
    // so level 20 is 0.1 W) and 3 rollouts cloning every UE at point 2, sub-channel 0, 0.1 W
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg = cloningAFixedTeacher().powerLevels(31).build();

    // When
    TrainingResult r =
        Trainer.train(new Trainer.Options(sc, cfg, 3, out, null, "test"), TrainingListener.none());

    // Then the deterministic policy serves the teacher's point and its power to the last bits: the
    // most likely level, not a mean that approaches it
    Action[] first = firstDecision(r, sc, false);
    assertThat(first).extracting(Action::point).containsOnly(2);
    assertThat(first)
        .extracting(Action::powerWatts)
        .allSatisfy(w -> assertThat(w).isCloseTo(0.1, within(1e-12)));
  }

  @Test
  void shouldTrainACategoricalPowerHeadAndServeOnlyItsLevels(@TempDir Path out) throws Exception {
    // Given PPO with a categorical power head of 7 levels on the log scale: 1 mW to 1 W, half a
    // decade apart
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg = sevenPowerLevelsOnTheLogScale().build();

    // When trained for 4 updates
    TrainingResult r =
        Trainer.train(new Trainer.Options(sc, cfg, 5, out, null, "test"), TrainingListener.none());

    // Then the checkpoint keeps the head, the power entropy is a categorical one's (at most ln 7),
    // and deterministic and sampled decisions alike send at one of the 7 powers
    assertThat(Checkpoint.read(r.checkpoint()).weights().shape().powerLevels()).isEqualTo(7);
    List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
    int col = java.util.Arrays.asList(csv.get(0).split(",")).indexOf("entropy_power");
    assertThat(csv.stream().skip(1).map(l -> Double.parseDouble(l.split(",")[col])))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e).isPositive().isLessThanOrEqualTo(Math.log(7) + 1e-6));
    for (boolean sampled : new boolean[] {false, true}) {
      assertThat(firstDecision(r, sc, sampled))
          .extracting(Action::powerWatts)
          .allSatisfy(
              w -> {
                double halfDecades = 2 * Math.log10(w);
                assertThat(halfDecades).isCloseTo(Math.rint(halfDecades), within(1e-9));
                assertThat(halfDecades).isBetween(-6.0 - 1e-9, 1e-9);
              });
    }
  }

  @Test
  void shouldTrainAutoregressiveActorsAndServeThemFromTheirCheckpoint(@TempDir Path out) {
    // Given autoregressive actors with a categorical power head of 7 levels, 4 updates of 256 slots
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg = sevenPowerLevelsOnTheLogScale().autoregressive(true).build();

    // When trained
    TrainingResult r =
        Trainer.train(new Trainer.Options(sc, cfg, 5, out, null, "test"), TrainingListener.none());

    // Then the checkpoint keeps the switch, and served from it (each UE choosing after those placed
    // before it) the policy plays the test scenario exactly as it did when the run measured it
    Checkpoint cp = Checkpoint.read(r.checkpoint());
    assertThat(cp.weights().shape().autoregressive()).isTrue();
    assertThat(cp.weights().shape().actorInput())
        .isEqualTo(cp.weights().shape().globalFeatures() + 5 * 9);
    MahppoScheduler served =
        new MahppoScheduler("trained", cp.weights(), PowerScale.LOG, sc, false, 0);
    EpisodeMetrics m = new Evaluator(sc, Scenario.TEST).runEpisode(served, 0);
    assertThat(m.latencyPerTask()).isEqualTo(r.latencyPerTask());
    assertThat(m.energyPerTask()).isEqualTo(r.energyPerTask());
    assertThatThrownBy(() -> cfg.toBuilder().sharedActor(true, 8).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("autoregressive actors are per-UE actors");
  }

  @Test
  void shouldStartAutoregressiveActorsFromIndependentOnesAndTeachThemToReadTheChoices(
      @TempDir Path first, @TempDir Path tuned) {
    // Given a run of independent actors (one update of 256 slots)
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg = oneUpdate();
    TrainingResult start = trainOneUpdate(sc, first);

    // When an autoregressive run starts from its weights
    MahppoConfig ar = cfg.toBuilder().autoregressive(true).build();
    TrainingResult r = fineTune(sc, ar, tuned, start);

    // Then its actors are autoregressive, and the first layer's rows for the choices, which start
    // at zero, have learned in the last actor (the first one sees no choices)
    Checkpoint cp = Checkpoint.read(r.checkpoint());
    assertThat(cp.weights().shape().autoregressive()).isTrue();
    var w = cp.weights().get("actor.trunk0.w");
    int in = cp.weights().shape().actorInput();
    int cols = w.shape()[2];
    int choices = cp.weights().shape().globalFeatures();
    assertThat(maxAbs(w.data(), (4 * in + choices) * cols, (in - choices) * cols)).isPositive();
  }

  @Test
  void shouldStartABetaConditionedRunFromAOneBetaCheckpointAndServeOnlyItsRange(
      @TempDir Path first, @TempDir Path tuned) {
    // Given a run at the scenario's beta of 1 (one update of 256 slots)
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg = oneUpdate();
    TrainingResult start = trainOneUpdate(sc, first);

    // When a run over betas 0.2 to 1 starts from its weights, keeping its best update
    MahppoConfig conditioned =
        cfg.toBuilder()
            .totalSteps(1024)
            .betaRange(0.2, 1)
            .keepBest(true)
            .validationEpisodes(2)
            .build();
    TrainingResult r = fineTune(sc, conditioned, tuned, start);

    // Then its networks read beta, and the rows for it, which start at zero, have learned in the
    // actors' and the critic's first layers
    Checkpoint cp = Checkpoint.read(r.checkpoint());
    assertThat(cp.weights().shape().betaInput()).isTrue();
    assertThat(r.best()).isNotNull();
    int column = cp.weights().shape().betaColumn();
    var actor = cp.weights().get("actor.trunk0.w");
    var critic = cp.weights().get("critic.l0.w");
    assertThat(maxAbs(actor.data(), column * actor.shape()[2], actor.shape()[2])).isPositive();
    assertThat(maxAbs(critic.data(), column * critic.shape()[1], critic.shape()[1])).isPositive();
    // and served from its checkpoint at the scenario's beta it plays the test scenario as the run
    // measured it, while a beta outside its range is refused
    String spec = "mahppo:" + r.checkpoint();
    EpisodeMetrics m =
        new Evaluator(sc, Scenario.TEST).runEpisode(Schedulers.create(spec, sc, 0), 0);
    assertThat(m.latencyPerTask()).isEqualTo(r.latencyPerTask());
    assertThat(m.energyPerTask()).isEqualTo(r.energyPerTask());
    assertThatThrownBy(() -> Schedulers.create(spec, sc.withBeta(2), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was trained for beta in [0.2, 1.0]; the scenario's beta is 2.0");
    assertThatThrownBy(() -> conditioned.toBuilder().rewardBeta(0.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("draws its reward's beta per episode");
    assertThatThrownBy(() -> conditioned.toBuilder().betaRange(1, 0.2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 < betaMin <= betaMax");
  }

  private static double maxAbs(float[] data, int from, int length) {
    double max = 0;
    for (int i = from; i < from + length; i++) {
      max = Math.max(max, Math.abs(data[i]));
    }
    return max;
  }

  /** Trains {@code cfg} with seed 6 from the weights of {@code start}'s last checkpoint. */
  private static TrainingResult fineTune(
      ScenarioConfig sc, MahppoConfig cfg, Path out, TrainingResult start) {
    return Trainer.train(
        new Trainer.Options(sc, cfg, 6, out, null, start.checkpoint(), "test"),
        TrainingListener.none());
  }

  /** One update of 256 slots of {@link #sevenPowerLevelsOnTheLogScale()}. */
  private static MahppoConfig oneUpdate() {
    return sevenPowerLevelsOnTheLogScale().totalSteps(256).build();
  }

  /** Trains {@link #oneUpdate()} with seed 5, the start of a fine-tune. */
  private static TrainingResult trainOneUpdate(ScenarioConfig sc, Path out) {
    return Trainer.train(
        new Trainer.Options(sc, oneUpdate(), 5, out, null, "test"), TrainingListener.none());
  }

  /** 4 updates of 256 slots with a categorical power head of 7 levels on the log power scale. */
  private static MahppoConfig.Builder sevenPowerLevelsOnTheLogScale() {
    return MahppoConfig.recommended().toBuilder()
        .totalSteps(1024)
        .rollout(256, 64, 5)
        .powerScale(PowerScale.LOG)
        .powerLevels(7);
  }

  /** 3 rollouts of 256 slots on the log power scale, all cloning point 2, sub-channel 0, 0.1 W. */
  private static MahppoConfig.Builder cloningAFixedTeacher() {
    return MahppoConfig.recommended().toBuilder()
        .totalSteps(768)
        .rollout(256, 64, 5)
        .powerScale(PowerScale.LOG)
        .warmStart("fixed:2:0.1", 768);
  }

  /** The trained policy's decisions at the first slot of the test scenario. */
  private static Action[] firstDecision(TrainingResult r, ScenarioConfig sc, boolean sampled) {
    MahppoScheduler policy =
        new MahppoScheduler(
            "trained", Checkpoint.read(r.checkpoint()).weights(), PowerScale.LOG, sc, sampled, 0);
    MecEnvironment env = new MecEnvironment(sc, Scenario.TEST);
    env.reset(0);
    return policy.decide(SchedulingContext.of(env));
  }

  @Test
  void shouldKeepThePointHeadExploringWithAnExtraPointEntropyBonus(
      @TempDir Path plain, @TempDir Path extra) throws Exception {
    // Given the recommended settings on mobilenetv2, 8 updates of 256 slots, seed 2
    ScenarioConfig sc = ScenarioConfig.paperDefaults(Net.MOBILENETV2, 5, 2);
    MahppoConfig cfg =
        MahppoConfig.recommended().toBuilder().totalSteps(2048).rollout(256, 64, 5).build();

    // When trained once as they are and once with a point-head extra entropy weight of 1
    Trainer.train(new Trainer.Options(sc, cfg, 2, plain, null, "test"), TrainingListener.none());
    Trainer.train(
        new Trainer.Options(
            sc, cfg.toBuilder().pointEntropyExtra(1).build(), 2, extra, null, "test"),
        TrainingListener.none());

    // Then the point head ends with more entropy, close to that of a uniform choice of 6 points
    assertThat(lastPointEntropy(extra)).isGreaterThan(lastPointEntropy(plain));
    assertThat(lastPointEntropy(extra)).isGreaterThan(0.99 * Math.log(6));
  }

  private static double maxAbsDifference(Checkpoint a, Checkpoint b) {
    double max = 0;
    for (int t = 0; t < a.weights().tensors().size(); t++) {
      float[] x = a.weights().tensors().get(t).data();
      float[] y = b.weights().tensors().get(t).data();
      for (int i = 0; i < x.length; i++) {
        max = Math.max(max, Math.abs(x[i] - y[i]));
      }
    }
    return max;
  }

  private static double lastPointEntropy(Path dir) throws Exception {
    List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
    String[] header = csv.get(0).split(",");
    int col = java.util.Arrays.asList(header).indexOf("entropy_point");
    return Double.parseDouble(csv.get(csv.size() - 1).split(",")[col]);
  }

  private static List<Double> episodicReturns(Path dir) throws Exception {
    List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
    int col = java.util.Arrays.asList(csv.get(0).split(",")).indexOf("episodic_return");
    return csv.stream().skip(1).map(l -> Double.parseDouble(l.split(",")[col])).toList();
  }

  private static List<String> columns(Path dir, int from, int to) throws Exception {
    return Files.readAllLines(dir.resolve("metrics.csv")).stream()
        .map(l -> String.join(",", java.util.Arrays.asList(l.split(",", -1)).subList(from, to)))
        .toList();
  }
}
