package io.coinfer.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.mec.eval.EvaluationSummary;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.report.RunSummary;
import java.net.URI;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReferenceTableTest {

  private static final SimulatorSettings FLEET =
      SimulatorSettings.defaults(
          URI.create("http://127.0.0.1:8080"), 3, 1, Duration.ofSeconds(30), 1);

  private static RunSummary run(long arrived, double modelLatencyS, double energyJ) {
    return new RunSummary(
        30,
        3,
        arrived,
        arrived,
        0,
        arrived,
        0,
        0,
        0,
        0,
        0.1,
        0.3,
        0.5,
        0.15,
        0.01,
        0.02,
        0.03,
        0.05,
        modelLatencyS,
        modelLatencyS,
        modelLatencyS,
        energyJ,
        arrived / 30.0,
        0.5,
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>());
  }

  @Test
  void shouldCompareWithLocalOnTheSameUesAndAsManyTasksAsArrived() {
    EvaluationSummary local = ReferenceTable.evaluate("local", FLEET, 20, 1.0);
    // a run that cost exactly what local costs per task, with 20 tasks per UE
    String table =
        ReferenceTable.render(
            run(60, local.meanTaskLatency(), local.energyPerTask()), "local", 1.0, FLEET);

    assertThat(table)
        .contains("platform run (local)")
        .contains("mec-core local (same scenario)")
        .doesNotContain("mec-core greedy")
        .contains("run vs local: latency/task +0.0 %, energy/task +0.0 %");
    assertThat(table.lines().filter(l -> l.startsWith("mec-core local")).findFirst().orElseThrow())
        .contains(" 60 "); // 3 UEs x 20 tasks
  }

  @Test
  void shouldAddTheRunsPolicyAndTheRatioToLocal() {
    EvaluationSummary local = ReferenceTable.evaluate("local", FLEET, 10, 1.0);
    String table =
        ReferenceTable.render(
            run(30, local.meanTaskLatency() / 2, local.energyPerTask() / 4), "greedy", 1.0, FLEET);

    assertThat(table)
        .contains("mec-core greedy (same scenario)")
        .contains("run vs local: latency/task -50.0 %, energy/task -75.0 %");
  }

  @Test
  void shouldEvaluateTheRunsPolicyAtTheRunsBeta() {
    // static-search minimises latency + beta x energy: latency alone at beta 0
    EvaluationSummary latencyAlone = ReferenceTable.evaluate("static-search", FLEET, 10, 0.0);
    EvaluationSummary paper = ReferenceTable.evaluate("static-search", FLEET, 10, 1.0);

    assertThat(latencyAlone.energyPerTask()).isNotEqualTo(paper.energyPerTask());
  }

  @Test
  void shouldWidenTheFirstColumnForALongPolicySpec() {
    String policy = "fixed:3:0.12345678901234567890";
    EvaluationSummary local = ReferenceTable.evaluate("local", FLEET, 10, 1.0);
    String table =
        ReferenceTable.render(
            run(30, local.meanTaskLatency(), local.energyPerTask()), policy, 1.0, FLEET);

    // the header, the run and both references keep their columns: every row has the same length
    var rows = table.lines().limit(4).toList();
    assertThat(rows.get(3)).startsWith("mec-core " + policy + " (same scenario) ");
    assertThat(rows).extracting(String::length).containsOnly(rows.get(0).length());
  }
}
