package io.coinfer.cli.train;

import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.config.MahppoConfig.CriticTarget;
import io.coinfer.mahppo.config.MahppoConfig.PowerScale;
import io.coinfer.mahppo.config.MahppoConfig.RewardKind;
import io.coinfer.mahppo.train.Trainer;
import io.coinfer.mahppo.train.TrainingResult;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code coinfer train-policy}: trains MAHPPO on the paper's training scenario and writes {@code
 * metrics.csv}, {@code learning-curve.png} and {@code checkpoint/} into {@code --out}; prints a
 * progress bar on stderr and one JSON summary line on stdout.
 */
@Command(
    name = "train-policy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train the MAHPPO scheduler (DJL, PyTorch engine) and write a checkpoint with provenance.",
      "Example: coinfer train-policy --net resnet18 --ues 5 --channels 2 --steps 500000 --seed 1"
          + " --out runs/resnet18"
    })
public final class TrainPolicyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--net",
      defaultValue = "resnet18",
      description = "vgg11, resnet18 or mobilenetv2.")
  String net;

  @Option(
      names = "--ues",
      defaultValue = "5",
      description = "Number of UEs. Default: ${DEFAULT-VALUE}.")
  int ues;

  @Option(
      names = "--channels",
      defaultValue = "2",
      description = "Uplink sub-channels. Default: ${DEFAULT-VALUE}.")
  int channels;

  @Option(
      names = "--steps",
      defaultValue = "500000",
      description = "Environment steps (slots) to train for. Default: ${DEFAULT-VALUE}.")
  long steps;

  @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(
      names = "--resume",
      description = "Checkpoint directory to continue from (e.g. <out>/checkpoint).")
  Path resume;

  @Option(
      names = "--init-from",
      description =
          "Checkpoint directory whose weights start a new run with this command's switches, from"
              + " step 0 and a fresh optimiser (fine-tuning); not with --resume. With"
              + " --autoregressive true it may hold independent actors: they start acting as"
              + " before and learn to read the choices made before them.")
  Path initFrom;

  @Option(
      names = "--preset",
      defaultValue = "recommended",
      description =
          "recommended (our switches, see README) or published (the paper's code). Default:"
              + " ${DEFAULT-VALUE}.")
  String preset;

  @Option(names = "--critic-target", description = "td or lambda-return.")
  String criticTarget;

  @Option(names = "--value-norm", arity = "1", description = "Value normalisation: true/false.")
  Boolean valueNorm;

  @Option(names = "--orthogonal-init", arity = "1", description = "Orthogonal init: true/false.")
  Boolean orthogonalInit;

  @Option(names = "--max-grad-norm", description = "Gradient-norm clip, 0 = off.")
  Double maxGradNorm;

  @Option(names = "--action-masking", arity = "1", description = "Action masking: true/false.")
  Boolean actionMasking;

  @Option(names = "--rich-state", arity = "1", description = "Rich state: true/false.")
  Boolean richState;

  @Option(
      names = "--distance-order",
      arity = "1",
      description = "Hand the UEs to the actors nearest first instead of by index: true/false.")
  Boolean distanceOrder;

  @Option(
      names = "--reward",
      description =
          "published, objective or makespan (objective with the continuous makespan as latency).")
  String reward;

  @Option(names = "--lr-annealing", arity = "1", description = "Learning-rate annealing.")
  Boolean lrAnnealing;

  @Option(
      names = "--shared-actor",
      description = "Train one parameter-shared actor serving up to this many UEs.")
  Integer sharedActorMaxUes;

  @Option(
      names = "--beta",
      defaultValue = "1",
      description =
          "Weight of energy against latency in the reward and objective (paper: 1). Default:"
              + " ${DEFAULT-VALUE}.")
  double beta;

  @Option(
      names = "--reward-beta",
      description =
          "Weight of energy in the training reward only; validation (--keep-best), test figures"
              + " and the summary's objective keep --beta. Default: --beta.")
  Double rewardBeta;

  @Option(
      names = "--beta-range",
      description =
          "<min>:<max>, e.g. 0.25:1: train one policy for every beta in this range. Each episode's"
              + " reward draws its beta log-uniformly from it, the networks read it, and the"
              + " checkpoint serves any --beta in it (evaluate --beta, the orchestrator's beta);"
              + " --keep-best validates at both ends. Not with --reward-beta. With --init-from,"
              + " a checkpoint trained at one beta starts acting as before at every beta.")
  String betaRange;

  @Option(
      names = "--validation-episodes",
      description =
          "Random-positions episodes of the validation that picks the kept update (--keep-best)."
              + " Default: 10.")
  Integer validationEpisodes;

  @Option(
      names = "--training-scenario",
      description =
          "Scenario of the training episodes: train (published), random-positions (equal batches,"
              + " local first action, as evaluated) or co-located; never test. Default: train.")
  String trainingScenario;

  @Option(
      names = "--co-located-fraction",
      description =
          "Share of training episodes, 0 to 1, in which every UE has the same distance, batch and"
              + " initial action (scenario --co-located-scenario), as in the test scenario."
              + " Default: 0.")
  Double coLocatedFraction;

  @Option(
      names = "--co-located-scenario",
      description =
          "Scenario of the --co-located-fraction episodes: co-located (training-style batches and"
              + " first actions) or co-located-positions (the test scenario at a random distance:"
              + " lambda tasks, every UE local at first). Default: co-located.")
  String coLocatedScenario;

  @Option(
      names = "--power-scale",
      description = "linear (published) or log (3 decades below pmax) power head.")
  String powerScale;

  @Option(
      names = "--actor-hidden",
      split = ",",
      description = "Widths of the actor trunk's hidden layers, e.g. 512,256 (published: 256,128).")
  List<Integer> actorHidden;

  @Option(
      names = "--power-levels",
      description =
          "0 (published): a Gaussian power head; N >= 2: a categorical head over N equally spaced"
              + " head values (log-spaced powers with --power-scale log).")
  Integer powerLevels;

  @Option(
      names = "--autoregressive",
      arity = "1",
      description =
          "Let each UE's actor read the actions chosen in the same slot by the actors placed"
              + " before it, so that the UEs choose one after another: true/false (published:"
              + " false).")
  Boolean autoregressive;

  @Option(
      names = "--keep-best",
      arity = "1",
      description =
          "Also keep the checkpoint with the best validation objective in <out>/best: true/false.")
  Boolean keepBest;

  @Option(
      names = "--keep-best-max-latency",
      description =
          "With --keep-best, keep only updates whose mean validation latency per task is at most"
              + " this many seconds; 0 = no cap (default).")
  Double keepBestMaxLatency;

  @Option(
      names = "--warm-start",
      paramLabel = "<baseline>:<steps>",
      description =
          "Behaviour cloning from a baseline's decisions for the first <steps> steps before PPO,"
              + " e.g. static-search:20000.")
  String warmStart;

  @Option(names = "--entropy-coef", description = "Entropy bonus weight per head (published 1e-3).")
  Double entropyCoef;

  @Option(
      names = "--point-entropy-extra",
      description =
          "Extra entropy bonus weight of the point head on top of --entropy-coef, falling linearly"
              + " to 0 over the run (published 0).")
  Double pointEntropyExtra;

  @Option(names = "--gamma", description = "Discount per slot (published 0.95).")
  Double gamma;

  @Option(
      names = "--gae-lambda",
      description = "GAE lambda, 1 = Monte Carlo returns (published 0.95).")
  Double gaeLambda;

  @Option(
      names = "--episode-slot-factor",
      description =
          "Training episodes are cut after lambda * factor / T slots (published 0.15: 60 slots).")
  Double episodeSlotFactor;

  @Option(names = "--lr", description = "Adam learning rate of actors and critic.")
  Double lr;

  @Option(names = "--epochs", description = "Passes per update (published: 20).")
  Integer epochs;

  @Option(
      names = "--rollout-steps",
      description = "Slots collected between two updates (published: 1024).")
  Integer rolloutSteps;

  @Option(
      names = "--minibatch",
      description = "Samples per minibatch; must divide the rollout (published: 256).")
  Integer minibatch;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "PyTorch intra-op threads (1 gives reproducible figures). Default: 1.")
  int threads;

  @Override
  public Integer call() throws Exception {
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    ScenarioConfig sc;
    MahppoConfig cfg;
    try {
      sc = ScenarioConfig.paperDefaults(Net.parse(net), ues, channels).withBeta(beta);
      cfg = config();
      if (resume != null && initFrom != null) {
        throw new IllegalArgumentException("--resume and --init-from exclude each other");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    java.util.List<String> args = spec.commandLine().getParseResult().originalArgs();
    String command =
        "coinfer "
            + (args.isEmpty() || !args.get(0).equals(spec.name()) ? spec.name() + " " : "")
            + String.join(" ", args);
    TrainingResult r =
        Trainer.train(
            new Trainer.Options(sc, cfg, seed, out, resume, initFrom, command),
            new TrainingProgress(spec.commandLine().getErr()));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("net", sc.net().id());
    summary.put("steps", r.steps());
    summary.put("seconds", round(r.seconds()));
    summary.put("stepsPerSecond", round(r.stepsPerSecond()));
    summary.put("latencyPerTask", r.latencyPerTask());
    summary.put("energyPerTask", r.energyPerTask());
    summary.put("objective", r.latencyPerTask() + sc.beta() * r.energyPerTask());
    summary.put("checkpoint", r.checkpoint().toString());
    if (r.best() != null) {
      summary.put("best", r.best().toString());
      summary.put("bestValidationObjective", r.bestValidationObjective());
    }
    spec.commandLine().getOut().println(JsonMapper.builder().build().writeValueAsString(summary));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private MahppoConfig config() {
    MahppoConfig base =
        switch (preset) {
          case "recommended" -> MahppoConfig.recommended();
          case "published" -> MahppoConfig.published();
          default ->
              throw new IllegalArgumentException(
                  "--preset must be recommended or published, got " + preset);
        };
    MahppoConfig.Builder b = base.toBuilder().totalSteps(steps);
    if (criticTarget != null) {
      b.criticTarget(CriticTarget.valueOf(enumName(criticTarget, "--critic-target")));
    }
    if (valueNorm != null) {
      b.valueNormalisation(valueNorm);
    }
    if (orthogonalInit != null) {
      b.orthogonalInit(orthogonalInit);
    }
    if (maxGradNorm != null) {
      b.maxGradNorm(maxGradNorm);
    }
    if (actionMasking != null) {
      b.actionMasking(actionMasking);
    }
    if (richState != null) {
      b.richState(richState);
    }
    if (distanceOrder != null) {
      b.distanceOrder(distanceOrder);
    }
    if (reward != null) {
      b.reward(RewardKind.valueOf(enumName(reward, "--reward")));
    }
    if (lrAnnealing != null) {
      b.lrAnnealing(lrAnnealing);
    }
    if (sharedActorMaxUes != null) {
      b.sharedActor(true, sharedActorMaxUes);
    }
    if (powerScale != null) {
      b.powerScale(PowerScale.valueOf(enumName(powerScale, "--power-scale")));
    }
    if (powerLevels != null) {
      b.powerLevels(powerLevels);
    }
    if (autoregressive != null) {
      b.autoregressive(autoregressive);
    }
    if (actorHidden != null) {
      b.trunkHidden(actorHidden);
    }
    if (warmStart != null) {
      int colon = warmStart.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "--warm-start must be <baseline>:<steps>, e.g. static-search:20000, got " + warmStart);
      }
      try {
        b.warmStart(
            warmStart.substring(0, colon), Long.parseLong(warmStart.substring(colon + 1).trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--warm-start: <steps> must be a whole number, got " + warmStart, e);
      }
    }
    if (keepBest != null) {
      b.keepBest(keepBest);
    }
    if (keepBestMaxLatency != null) {
      b.keepBestMaxLatency(keepBestMaxLatency);
    }
    if (rewardBeta != null) {
      b.rewardBeta(rewardBeta);
    }
    if (betaRange != null) {
      double[] range = parseBetaRange(betaRange);
      b.betaRange(range[0], range[1]);
    }
    if (validationEpisodes != null) {
      b.validationEpisodes(validationEpisodes);
    }
    if (trainingScenario != null) {
      b.trainingScenario(Scenario.parse(trainingScenario));
    }
    if (coLocatedFraction != null) {
      b.coLocatedFraction(coLocatedFraction);
    }
    if (coLocatedScenario != null) {
      b.coLocatedScenario(Scenario.parse(coLocatedScenario));
    }
    if (entropyCoef != null) {
      b.entropyCoef(entropyCoef);
    }
    if (pointEntropyExtra != null) {
      b.pointEntropyExtra(pointEntropyExtra);
    }
    if (gamma != null) {
      b.gamma(gamma);
    }
    if (gaeLambda != null) {
      b.gaeLambda(gaeLambda);
    }
    if (episodeSlotFactor != null) {
      b.episodeSlotFactor(episodeSlotFactor);
    }
    if (lr != null) {
      b.learningRates(lr, lr);
    }
    if (epochs != null || rolloutSteps != null || minibatch != null) {
      b.rollout(
          rolloutSteps != null ? rolloutSteps : base.rolloutSteps(),
          minibatch != null ? minibatch : base.minibatchSize(),
          epochs != null ? epochs : base.epochs());
    }
    return b.build();
  }

  /** {@code <min>:<max>} of {@code --beta-range}; the config checks the numbers' order. */
  private static double[] parseBetaRange(String text) {
    String[] parts = text.split(":", -1);
    try {
      if (parts.length == 2) {
        return new double[] {
          Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())
        };
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        "--beta-range must be <min>:<max>, two numbers, e.g. 0.25:1, got " + text);
  }

  private static String enumName(String text, String option) {
    String name = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    if (!name.matches("[A-Z_]+")) {
      throw new IllegalArgumentException(option + ": unknown value " + text);
    }
    return name;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
