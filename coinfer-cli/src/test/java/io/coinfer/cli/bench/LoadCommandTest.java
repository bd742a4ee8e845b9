package io.coinfer.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.profile.Net;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.report.RunSummary;
import io.coinfer.simulator.report.SummaryFormat;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LoadCommandTest {

  private static RunSummary summary(long lost, double overheadP50S) {
    return new RunSummary(
        60,
        200,
        6000,
        5990,
        12,
        5990 - lost,
        0,
        0,
        lost,
        10,
        0.020,
        0.050,
        0.080,
        0.025,
        overheadP50S,
        0.030,
        0.060,
        0.007,
        0.0256,
        0.0310,
        0.0420,
        0.0556,
        99.8,
        0.2,
        new TreeMap<>(Map.of(2, 5990L - lost)),
        new TreeMap<>(Map.of("fixed:2:0.5@builtin", 5990L - lost)),
        new TreeMap<>(Map.of("rejected:429", 12L)));
  }

  private static LoadReport report(long lost, double overheadP50S) {
    return new LoadReport(
        200,
        0.5,
        60,
        "resnet18",
        "resnet18-synthetic-32",
        "fixed:2:0.5",
        2,
        1.5,
        2.25,
        LoadCommand.OVERHEAD_TARGET_S,
        summary(lost, overheadP50S));
  }

  @Test
  void shouldTurnTheOptionsIntoA200UeFleetOf32PixelImagesByDefault() {
    LoadCommand command = new LoadCommand();
    new CommandLine(command).parseArgs();

    SimulatorSettings s =
        command.settings(URI.create("http://127.0.0.1:1"), 200, 0.1, Duration.ofSeconds(60));

    assertThat(s.ues()).isEqualTo(200);
    assertThat(s.ratePerUe()).isEqualTo(0.1);
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.imageSize()).isEqualTo(32);
    assertThat(s.net()).isEqualTo(Net.RESNET18);
    assertThat(s.inFlightPerUe()).isEqualTo(1);
    assertThat(command.policy).isEqualTo("fixed:2:0.5");
    assertThat(command.warmup).isEqualTo("60s");
    assertThat(command.model).isEqualTo("resnet18-narrow");
  }

  @ParameterizedTest
  @CsvSource({"200, 0.1/s, 20, 1.0", "5, 6/s, 5, 6.0", "20, 0.1/s, 20, 1.0", "5, 2/s, 5, 4.0"})
  void shouldWarmUpWithAtMostTwentyUesOfferingTheMeasuredJobsPerSecondButAtLeastTwenty(
      int ues, String rate, int warmUes, double warmRatePerUe) {
    LoadCommand command = new LoadCommand();
    new CommandLine(command).parseArgs("--ues", Integer.toString(ues), "--rate", rate);

    SimulatorSettings warm =
        command.warmupSettings(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(60));

    assertThat(warm.ues()).isEqualTo(warmUes);
    assertThat(warm.ratePerUe()).isCloseTo(warmRatePerUe, within(1e-9));
    assertThat(warm.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(warm.imageSize()).isEqualTo(32);
  }

  @Test
  void shouldReportTheOfferedLoadTheSummaryAndWhetherTheTargetWasMet() {
    String table = report(0, 0.0071).render(SummaryFormat.TABLE);

    assertThat(table)
        .startsWith(
            "bench load: 200 UEs x 0.500 jobs/s = 100 jobs/s offered for 60 s; resnet18"
                + " (resnet18-synthetic-32), policy fixed:2:0.5\n")
        .contains("machine: 2 cores, load average 1.50 at the start, 2.25 at the end")
        .contains("accepted             5990\n")
        .contains("rejected             12\n")
        .contains("lost                 0\n")
        .contains("overhead p50         7.1 ms\n")
        .contains("overhead p95         30.0 ms\n")
        .contains("DNN compute p50      7.0 ms\n")
        .contains("throughput           99.80 jobs/s\n")
        .endsWith("target (lost = 0, overhead p50 < 15.0 ms): met\n");
  }

  @Test
  void shouldMissTheTargetWhenAJobIsLostOrTheMedianOverheadIsTooHigh() {
    assertThat(report(0, 0.0149).targetMet()).isTrue();
    assertThat(report(0, 0.015).targetMet()).isFalse();
    assertThat(report(1, 0.001).targetMet()).isFalse();
    assertThat(report(1, 0.001).render(SummaryFormat.TABLE))
        .contains("lost                 1  <-- accepted but never finished")
        .endsWith("MISSED\n");
  }

  @Test
  void shouldWriteTheReportAsJson() {
    JsonNode json =
        JsonMapper.builder().build().readTree(report(0, 0.0071).render(SummaryFormat.JSON));

    assertThat(json.get("ues").asInt()).isEqualTo(200);
    assertThat(json.get("policy").asString()).isEqualTo("fixed:2:0.5");
    assertThat(json.get("overheadTargetS").asDouble()).isEqualTo(0.015);
    assertThat(json.get("summary").get("lost").asLong()).isZero();
    assertThat(json.get("summary").get("overheadP50S").asDouble()).isEqualTo(0.0071);
    assertThat(json.get("summary").get("failuresByReason").get("rejected:429").asLong())
        .isEqualTo(12);
  }

  @Test
  void shouldSayWhatAProgressLineHolds() {
    assertThat(LoadReport.progress(summary(0, 0.0071)))
        .isEqualTo(
            "  60.0s  accepted 5990  done 5990  failed 0  pending 0  rejected 12  99.8 jobs/s"
                + "  e2e p50 20.0 ms  overhead p50 7.1 ms p95 30.0 ms");
  }
}
