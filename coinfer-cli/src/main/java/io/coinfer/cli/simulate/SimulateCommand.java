package io.coinfer.cli.simulate;

import io.coinfer.mec.profile.Net;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.fleet.Fleet;
import io.coinfer.simulator.report.RunSummary;
import io.coinfer.simulator.report.SummaryFormat;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coinfer simulate}: runs a fleet of simulated UEs against a gateway and prints what became
 * of their jobs. Exits with 0 when no accepted job was lost, 2 otherwise.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a fleet of simulated UEs (Poisson jobs, seeded positions, Jetson Nano profile) against"
          + " a ue-gateway and summarise accepted, completed, failed and lost jobs, latency"
          + " percentiles and energy per task.",
      "Exit code: 0 when nothing was lost, 2 when an accepted job never finished."
    })
public final class SimulateCommand implements Callable<Integer> {

  /** The exit code of a run that lost accepted jobs. */
  static final int LOST_JOBS = 2;

  @Option(
      names = "--gateway",
      defaultValue = "http://127.0.0.1:8080",
      description = "the gateway's base URL (default ${DEFAULT-VALUE})")
  URI gateway;

  @Option(names = "--ues", defaultValue = "50", description = "simulated UEs (default 50)")
  int ues;

  @Option(
      names = "--rate",
      defaultValue = "2/s",
      description = "Poisson job rate per UE, e.g. 2/s, 30/min (default ${DEFAULT-VALUE})")
  String rate;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "how long jobs arrive, e.g. 60s, 2m (default ${DEFAULT-VALUE})")
  String duration;

  @Option(names = "--seed", defaultValue = "1", description = "seed of positions and arrivals")
  long seed;

  @Option(
      names = "--net",
      defaultValue = "resnet18",
      description = "the DNN the UEs run (default ${DEFAULT-VALUE})")
  String net;

  @Option(
      names = "--in-flight",
      defaultValue = "1",
      description = "jobs a UE has submitted and not seen finish at once (default 1)")
  int inFlight;

  @Option(
      names = "--grace",
      defaultValue = "30s",
      description = "how long to wait for accepted jobs after the run (default ${DEFAULT-VALUE})")
  String grace;

  @Option(
      names = "--image-size",
      defaultValue = "64",
      description = "side of the submitted synthetic images, pixels (default 64)")
  int imageSize;

  @Option(
      names = "--slot",
      defaultValue = "500ms",
      description = "the slot, when UEs report a changed state (default ${DEFAULT-VALUE})")
  String slot;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    SummaryFormat output = SummaryFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
    SimulatorSettings settings = settings();
    double totalS = settings.duration().toNanos() / 1e9;
    System.err.printf(
        Locale.ROOT,
        "simulate: %d UEs at %.3f jobs/s each for %.0f s against %s (seed %d)%n",
        settings.ues(),
        settings.ratePerUe(),
        totalS,
        settings.gateway(),
        settings.seed());
    try (Fleet fleet = Fleet.start(settings)) {
      RunSummary summary =
          FleetRunner.run(
              fleet,
              Duration.ofSeconds(1),
              s -> FleetRunner.progress(System.err, s.elapsedS(), totalS, SummaryFormat.line(s)),
              s -> {
                System.err.println();
                System.out.print(output.render(s));
                System.out.flush();
              });
      return summary.nothingLost() ? 0 : LOST_JOBS;
    }
  }

  SimulatorSettings settings() {
    return SimulatorSettings.defaults(
            gateway,
            ues,
            SimulatorSettings.parseRate(rate),
            SimulatorSettings.parseDuration(duration),
            seed)
        .withWorkload(
            Net.parse(net),
            SimulatorSettings.parseDuration(slot),
            imageSize,
            inFlight,
            SimulatorSettings.parseDuration(grace));
  }
}
