package io.coinfer.cli.up;

import io.coinfer.mec.eval.EvaluationSummary;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.fleet.FleetPlan;
import io.coinfer.simulator.report.RunSummary;
import io.coinfer.simulator.report.SummaryFormat;
import java.util.Locale;

/**
 * The final table of {@code coinfer up}: the platform run next to mec-core's evaluator on the same
 * scenario (the fleet's UEs at the fleet's distances, as many tasks per UE as arrived in the run),
 * for {@code local} and for the run's policy at the run's beta.
 */
final class ReferenceTable {

  private ReferenceTable() {}

  /**
   * Evaluates a policy on the fleet's scenario.
   *
   * @param spec the policy spec
   * @param settings the fleet's settings (UEs, distances by seed, slot, radio)
   * @param tasksPerUe the tasks each UE holds in the episode: as many as arrived per UE in the run
   * @param beta the energy weight the policy schedules for
   * @return one episode of mec-core's random-positions scenario seeded as the fleet
   */
  static EvaluationSummary evaluate(
      String spec, SimulatorSettings settings, int tasksPerUe, double beta) {
    ScenarioConfig cfg = FleetPlan.scenario(settings, tasksPerUe).withBeta(beta);
    Evaluator evaluator = new Evaluator(cfg, Scenario.RANDOM_POSITIONS);
    return evaluator.evaluate(
        Schedulers.create(spec, cfg, settings.seed()), 1, settings.seed(), k -> {});
  }

  /**
   * Renders the table.
   *
   * @param run the platform run's summary
   * @param policy the run's policy spec
   * @param beta the energy weight the run's policy started with
   * @param settings the fleet's settings
   * @return the table, ending with a newline
   */
  static String render(RunSummary run, String policy, double beta, SimulatorSettings settings) {
    int tasksPerUe = (int) Math.max(1, Math.round((double) run.arrived() / settings.ues()));
    EvaluationSummary local = evaluate("local", settings, tasksPerUe, beta);
    String runLabel = "platform run (" + policy + ")";
    String label =
        "%-" + Math.max(34, Math.max(runLabel.length(), referenceLabel(policy).length())) + "s";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            label + " %7s %7s %6s %14s %12s %11s %11s%n",
            "",
            "tasks",
            "failed",
            "lost",
            "latency/task",
            "energy/task",
            "e2e p50",
            "e2e p95"));
    out.append(
        String.format(
            Locale.ROOT,
            label + " %7d %7d %6d %14s %12s %11s %11s%n",
            runLabel,
            run.completed(),
            run.failed(),
            run.lost(),
            SummaryFormat.ms(run.modelLatencyPerTaskS()),
            SummaryFormat.joules(run.energyPerTaskJ()),
            SummaryFormat.ms(run.latencyP50S()),
            SummaryFormat.ms(run.latencyP95S())));
    reference(out, label, "local", local);
    if (!"local".equalsIgnoreCase(policy.trim())) {
      reference(out, label, policy, evaluate(policy, settings, tasksPerUe, beta));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "run vs local: latency/task %s, energy/task %s%n",
            ratio(run.modelLatencyPerTaskS(), local.meanTaskLatency()),
            ratio(run.energyPerTaskJ(), local.energyPerTask())));
    out.append(
        "latency/task: UE compute + transmit in the system model (mec-core: mean task latency of"
            + " one episode of the same scenario); e2e: submission to result as the UE saw it\n");
    return out.toString();
  }

  private static String referenceLabel(String policy) {
    return "mec-core " + policy + " (same scenario)";
  }

  private static void reference(
      StringBuilder out, String label, String policy, EvaluationSummary s) {
    int tasks = s.perEpisode().stream().mapToInt(e -> e.finished()).sum();
    out.append(
        String.format(
            Locale.ROOT,
            label + " %7d %7s %6s %14s %12s %11s %11s%n",
            referenceLabel(policy),
            tasks,
            "-",
            "-",
            SummaryFormat.ms(s.meanTaskLatency()),
            SummaryFormat.joules(s.energyPerTask()),
            "-",
            "-"));
  }

  private static String ratio(double run, double reference) {
    if (Double.isNaN(run) || !(reference > 0)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%+.1f %%", 100 * (run / reference - 1));
  }
}
