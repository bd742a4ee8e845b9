package io.coinfer.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrainPolicyCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldTrainOneRolloutAndPrintAJsonSummaryAndAProgressBar(@TempDir Path dir)
      throws Exception {
    // When two rollouts of 512 slots are trained with two passes per update of 128-slot
    // minibatches
    int code =
        run(
            "--net",
            "mobilenetv2",
            "--steps",
            "1024",
            "--rollout-steps",
            "512",
            "--minibatch",
            "128",
            "--epochs",
            "2",
            "--seed",
            "3",
            "--out",
            dir.toString());

    // Then the summary line has the figures and points at a checkpoint with provenance
    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode summary = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
    for (String field :
        List.of(
            "steps",
            "seconds",
            "stepsPerSecond",
            "latencyPerTask",
            "energyPerTask",
            "checkpoint")) {
      assertThat(summary.has(field)).as(field).isTrue();
    }
    assertThat(summary.get("steps").asLong()).isEqualTo(1024);
    Path checkpoint = Path.of(summary.get("checkpoint").asString());
    String header = Files.readString(checkpoint.resolve("checkpoint.json"));
    assertThat(header).contains("\"net\" : \"mobilenetv2\"", "\"djlVersion\"", "\"gitCommit\"");
    assertThat(header).contains("train-policy --net mobilenetv2");
    assertThat(header)
        .contains("\"rolloutSteps\" : 512", "\"minibatchSize\" : 128", "\"epochs\" : 2");
    assertThat(err.toString()).contains("steps/s", "1024/1024 steps");
    assertThat(dir.resolve("metrics.csv")).exists();
    assertThat(dir.resolve("learning-curve.png")).exists();
  }

  @Test
  void shouldPassTheSwitchesOfTheSecondRoundIntoTheConfigAndKeepTheBest(@TempDir Path dir)
      throws Exception {
    // When one rollout is trained with the log power scale, a categorical power head, a narrower
    // actor trunk, gamma 1, GAE lambda 0.99, a longer episode cap, a larger entropy bonus (more
    // still for the point head), a smaller energy weight in the reward, equal batches with a
    // share of co-located episodes and the best checkpoint kept under a latency cap
    int code =
        run(
            "--net",
            "mobilenetv2",
            "--steps",
            "1024",
            "--epochs",
            "1",
            "--seed",
            "3",
            "--power-scale",
            "log",
            "--power-levels",
            "31",
            "--actor-hidden",
            "64,32",
            "--gamma",
            "1",
            "--gae-lambda",
            "0.99",
            "--episode-slot-factor",
            "0.3",
            "--entropy-coef",
            "0.01",
            "--point-entropy-extra",
            "0.05",
            "--reward-beta",
            "0.25",
            "--keep-best",
            "true",
            "--keep-best-max-latency",
            "1.5",
            "--co-located-fraction",
            "0.5",
            "--co-located-scenario",
            "co-located-positions",
            "--training-scenario",
            "random-positions",
            "--validation-episodes",
            "3",
            "--out",
            dir.toString());

    // Then the checkpoint's config has them and the summary names the kept checkpoint
    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode summary = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
    assertThat(summary.get("best").asString()).endsWith("best");
    assertThat(summary.get("bestValidationObjective").asDouble()).isPositive();
    String header = Files.readString(dir.resolve("checkpoint").resolve("checkpoint.json"));
    assertThat(header)
        .contains(
            "\"powerScale\" : \"LOG\"",
            "\"powerLevels\" : 31",
            "\"trunkHidden\" : [ 64, 32 ]",
            "\"gamma\" : 1.0",
            "\"gaeLambda\" : 0.99",
            "\"episodeSlotFactor\" : 0.3",
            "\"entropyCoef\" : 0.01",
            "\"pointEntropyExtra\" : 0.05",
            "\"rewardBeta\" : 0.25",
            "\"keepBestMaxLatency\" : 1.5",
            "\"coLocatedFraction\" : 0.5",
            "\"coLocatedScenario\" : \"CO_LOCATED_POSITIONS\"",
            "\"trainingScenario\" : \"RANDOM_POSITIONS\"",
            "\"validationEpisodes\" : 3",
            "\"keepBest\" : true");
  }

  @Test
  void shouldRefuseAMinibatchThatDoesNotDivideTheRollout(@TempDir Path dir) {
    int code = run("--rollout-steps", "1000", "--minibatch", "256", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("minibatchSize must divide rolloutSteps");
  }

  @Test
  void shouldRefuseToTrainOnTheTestScenario(@TempDir Path dir) {
    int code = run("--training-scenario", "test", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("must not be the test scenario");
  }

  @Test
  void shouldRejectResumingAndFineTuningAtOnce(@TempDir Path dir) {
    int code =
        run("--resume", dir.toString(), "--init-from", dir.toString(), "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--resume and --init-from exclude each other");
  }

  @Test
  void shouldRejectAWarmStartWithoutSteps(@TempDir Path dir) {
    int code = run("--warm-start", "static-search", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--warm-start must be <baseline>:<steps>");
  }

  @Test
  void shouldRejectACategoricalPowerHeadOfOneLevel(@TempDir Path dir) {
    int code = run("--power-levels", "1", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("powerLevels must be 0 (a Gaussian power head) or at least 2");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.2 | --beta-range must be <min>:<max>, two numbers, e.g. 0.25:1, got 0.2",
        "0.2:x | --beta-range must be <min>:<max>, two numbers, e.g. 0.25:1, got 0.2:x",
        "1:0.2 | the beta range must be 0 < betaMin <= betaMax",
        "0:1 | the beta range must be 0 < betaMin <= betaMax"
      })
  void shouldRejectABetaRangeThatIsNotTwoOrderedPositiveNumbers(
      String range, String message, @TempDir Path dir) {
    int code = run("--reward", "objective", "--beta-range", range, "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }

  @Test
  void shouldRejectABetaRangeWithARewardBeta(@TempDir Path dir) {
    int code = run("--beta-range", "0.2:1", "--reward-beta", "0.5", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("draws its reward's beta per episode");
  }

  @Test
  void shouldRejectAnUnknownNet(@TempDir Path dir) {
    int code = run("--net", "alexnet", "--out", dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown net 'alexnet'");
  }

  private int run(String... args) {
    CommandLine cl = new CommandLine(new TrainPolicyCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }
}
