package io.coinfer.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mahppo.serve.ShippedCheckpoints;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.ScenarioConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluateCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldPrintEveryBaselineAsJsonWithThePublishedLocalFigures() {
    // When
    int code = run("--policy", "all", "--net", "resnet18", "--format", "json");
    // Then
    assertThat(code).isZero();
    JsonNode rows = JsonMapper.builder().build().readTree(out.toString());
    List<String> policies = new ArrayList<>();
    rows.forEach(r -> policies.add(r.get("policy").asString()));
    assertThat(policies)
        .containsExactly(
            "local",
            "edge",
            "fixed:3:1.0",
            "fixed:2:0.1",
            "fixed:1:1.0",
            "random",
            "greedy",
            "static-search");
    JsonNode local = rows.get(0);
    for (String field :
        List.of(
            "policy",
            "net",
            "ues",
            "channels",
            "scenario",
            "latencyPerTask",
            "energyPerTask",
            "objective",
            "meanTaskLatency",
            "p95TaskLatency",
            "reward",
            "slots",
            "msPerDecision")) {
      assertThat(local.has(field)).as(field).isTrue();
    }
    assertThat(local.get("net").asString()).isEqualTo("resnet18");
    assertThat(local.get("ues").asInt()).isEqualTo(5);
    assertThat(local.get("scenario").asString()).isEqualTo("test");
    assertThat(local.get("latencyPerTask").asDouble()).isCloseTo(0.0475, within(1e-12));
    assertThat(local.get("energyPerTask").asDouble()).isCloseTo(0.0984460, within(5e-8));
    assertThat(local.get("latencyVsLocalPercent").asDouble()).isZero();
    assertThat(local.get("objective").asDouble()).isCloseTo(0.0475 + 0.0984460, within(5e-8));
    rows.forEach(
        r ->
            assertThat(r.get("msPerDecision").asDouble())
                .as(r.get("policy").asString())
                .isPositive());
    JsonNode edge = rows.get(1);
    assertThat(edge.get("latencyPerTask").asDouble()).isCloseTo(2.05, within(1e-12));
    assertThat(edge.get("latencyVsLocalPercent").asDouble())
        .isCloseTo(100 * (2.05 - 0.0475) / 0.0475, within(1e-6));
    assertThat(err.toString()).contains("[8/8] static-search");
  }

  @Test
  void shouldPrintOneComparisonTableWithTheChangeVersusLocal() {
    // When
    int code = run("--policy", "local,fixed:3:1.0", "--net", "vgg11");
    // Then
    assertThat(code).isZero();
    String table = out.toString();
    assertThat(table).contains("vgg11, 5 UEs, 2 sub-channels, scenario test");
    assertThat(table).contains("vs local").contains("objective").contains("ms/decision");
    assertThat(table.lines().filter(l -> l.startsWith("fixed:3:1.0")).findFirst().orElseThrow())
        .contains("0.187500")
        .contains("-1.3"); // (0.1875 - 0.19) / 0.19 = -1.3 %
  }

  @Test
  void shouldWidenThePolicyColumnForALongSpec(@TempDir Path dir) {
    // Given the shipped vgg11 checkpoint named by a path longer than the policy column
    Path copy = dir.resolve("a-checkpoint-with-a-long-name");
    ShippedCheckpoints.find(ScenarioConfig.paperDefaults(Net.VGG11, 5, 2)).write(copy, Map.of());
    String checkpoint = "mahppo:" + copy;
    // When
    int code = run("--policy", "local," + checkpoint, "--net", "vgg11");
    // Then every line of the table after the title is as wide as the others: the columns align
    assertThat(code).isZero();
    List<String> lines = out.toString().lines().skip(1).toList();
    assertThat(lines).hasSize(4).anyMatch(l -> l.startsWith(checkpoint + " "));
    assertThat(lines.stream().map(String::length).distinct()).hasSize(1);
  }

  @Test
  void shouldWriteCsvWithAHeaderAndRunSeveralRandomPositionEpisodes() {
    // When
    int code =
        run(
            "--policy",
            "fixed:2:0.1",
            "--scenario",
            "random-positions",
            "--episodes",
            "3",
            "--lambda",
            "20",
            "--format",
            "csv");
    // Then
    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0))
        .startsWith(
            "policy,net,ues,channels,scenario,episodes,seed,powerErrorDb,distanceMeters,latencyPerTask");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("fixed:2:0.1,resnet18,5,2,random-positions,3,1,0.0,");
  }

  @Test
  void shouldTakeTheScenarioParametersFromFlags() {
    // Given 4 tasks per UE, local vgg11 (0.1893 s per task) with T = 1 s: 0.7572 s of work
    int code =
        run(
            "--policy",
            "local",
            "--net",
            "vgg11",
            "--lambda",
            "4",
            "-T",
            "1",
            "--ues",
            "3",
            "--channels",
            "1",
            "--format",
            "json");
    // Then T N slots / tasks = 1 x 3 x 1 / 12
    assertThat(code).isZero();
    JsonNode row = JsonMapper.builder().build().readTree(out.toString()).get(0);
    assertThat(row.get("slots").asDouble()).isEqualTo(1.0);
    assertThat(row.get("latencyPerTask").asDouble()).isCloseTo(0.25, within(1e-12));
    // And the objective weighs energy by --beta
    assertThat(run("--policy", "local", "--beta", "0.5", "--format", "json")).isZero();
    JsonNode weighed = JsonMapper.builder().build().readTree(out.toString()).get(0);
    assertThat(weighed.get("objective").asDouble())
        .isCloseTo(
            weighed.get("latencyPerTask").asDouble()
                + 0.5 * weighed.get("energyPerTask").asDouble(),
            within(1e-12));
  }

  @Test
  void shouldMissTheCommandedPowersWhenAskedAndSaySoInTheOutput() throws Exception {
    // Given every UE sending at point 1 and 0.1 W on the test scenario, two episodes
    String[] args = {"--policy", "fixed:1:0.1", "--episodes", "2", "--format", "json"};
    // When run exactly and with up to 1 dB of power-control error
    JsonNode exact = firstJsonRow(args);
    JsonNode row = firstJsonRow(with(args, "--power-error-db", "1"));
    // Then the row says so, and the energy moved
    assertThat(exact.get("powerErrorDb").asDouble()).isZero();
    assertThat(row.get("powerErrorDb").asDouble()).isEqualTo(1.0);
    assertThat(row.get("energyPerTask").asDouble())
        .isNotEqualTo(exact.get("energyPerTask").asDouble());
    assertThat(run("--power-error-db", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--power-error-db: power error must be >= 0 dB");
  }

  @Test
  void shouldPutEveryUeAtAGivenDistanceAndSaySoInTheOutput() throws Exception {
    // Given every UE sending at point 1 and 0.1 W on the test scenario (50 m)
    String[] args = {"--policy", "fixed:1:0.1", "--format", "json"};
    // When run as it is and with every UE at 90 m
    JsonNode at50 = firstJsonRow(args);
    JsonNode at90 = firstJsonRow(with(args, "--distance", "90"));
    // Then the row says so, and sending took more energy
    assertThat(at50.get("distanceMeters").isNull()).isTrue();
    assertThat(at90.get("distanceMeters").asDouble()).isEqualTo(90.0);
    assertThat(at90.get("energyPerTask").asDouble())
        .isGreaterThan(at50.get("energyPerTask").asDouble());
    assertThat(run("--distance", "0.5")).isEqualTo(2);
    assertThat(err.toString()).contains("--distance: distance must be within [dmin, dmax]");
  }

  @Test
  void shouldLoadAMeasuredProfileAndModelTheEdgeWhenAsked(@TempDir Path dir) throws Exception {
    // Given a profile with edge tail times
    StringBuilder csv =
        new StringBuilder(
            "net,point,feature_bits,compression_rate,head_seconds,head_watts,head_joules,"
                + "edge_tail_seconds\n");
    for (int p = 0; p < 6; p++) {
      csv.append("mobilenetv2,")
          .append(p)
          .append(',')
          .append(p == 5 ? 0 : 400_000 * (6 - p))
          .append(",8,")
          .append(0.01 * p)
          .append(",2,")
          .append(0.02 * p)
          .append(',')
          .append(p == 5 ? "" : "0.02")
          .append('\n');
    }
    Path file = dir.resolve("edge.csv");
    Files.writeString(file, csv);
    // When
    int code =
        run(
            "--profile",
            file.toString(),
            "--net",
            "mobilenetv2",
            "--edge-compute",
            "--policy",
            "fixed:1:1.0",
            "--lambda",
            "20",
            "--format",
            "json");
    // Then every task waits at least its 0.02 s edge tail
    assertThat(code).isZero();
    JsonNode row = JsonMapper.builder().build().readTree(out.toString()).get(0);
    assertThat(row.get("meanTaskLatency").asDouble()).isGreaterThan(0.01 + 0.02);
  }

  @Test
  void shouldRejectBadFlagsWithExitCodeTwoAndAClearMessage() {
    assertThat(run("--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown format 'xml'; known: table, json, csv");
    assertThat(run("--net", "alexnet")).isEqualTo(2);
    assertThat(err.toString()).contains("known nets: vgg11, resnet18, mobilenetv2");
    assertThat(run("--ues", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("ues must be a finite number > 0, got 0.0");
    assertThat(run("--policy", "clever")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scheduler 'clever'; known: local, edge");
    assertThat(run("--edge-compute")).isEqualTo(2);
    assertThat(err.toString()).contains("edge_tail_seconds");
    assertThat(run("--dmin", "10", "--dmax", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("dmax (5.0 m) must be greater than dmin (10.0 m)");
    assertThat(run("--profile", "/no/such/profile.csv")).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read profile /no/such/profile.csv");
  }

  /** Runs the command, which must succeed, and returns the first row of its JSON output. */
  private JsonNode firstJsonRow(String... args) {
    assertThat(run(args)).as(err.toString()).isZero();
    return JsonMapper.builder().build().readTree(out.toString()).get(0);
  }

  private static String[] with(String[] args, String flag, String value) {
    String[] more = Arrays.copyOf(args, args.length + 2);
    more[args.length] = flag;
    more[args.length + 1] = value;
    return more;
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    CommandLine cli = new CommandLine(new EvaluateCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
