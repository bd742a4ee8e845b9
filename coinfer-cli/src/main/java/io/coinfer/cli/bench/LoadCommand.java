package io.coinfer.cli.bench;

import io.coinfer.cli.simulate.FleetRunner;
import io.coinfer.cli.up.ModelProvisioner;
import io.coinfer.cli.up.Platform;
import io.coinfer.cli.up.Ports;
import io.coinfer.kafka.EmbeddedKafkaBroker;
import io.coinfer.mec.profile.Net;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.fleet.Fleet;
import io.coinfer.simulator.report.RunSummary;
import io.coinfer.simulator.report.SummaryFormat;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.store.ModelStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coinfer bench load}: the platform under a fleet of simulated UEs, in one process. It
 * starts what {@code coinfer up} starts (a cached 32x32 split model, trained on first use, an
 * in-process KRaft broker and the four services, here on free ports), runs the fleet, prints a
 * progress line every few seconds and ends with a {@link LoadReport}. Exit code 0 when no accepted
 * job was lost, 2 otherwise. By default the services serve a small model ({@code --model
 * resnet18-narrow}, resnet18 at a quarter of its width) for the UEs' net, so that the run measures
 * the platform rather than the DNN.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test the platform in this process: an in-process Kafka broker, the four services on"
          + " free ports, the cached 32x32 split model and a fleet of simulated UEs; report"
          + " accepted, rejected, completed, failed and lost jobs, throughput, end-to-end latency"
          + " and the platform overhead per job (end-to-end minus the DNN compute measured for it).",
      "Exit code: 0 when nothing was lost, 2 when an accepted job never finished."
    })
public final class LoadCommand implements Callable<Integer> {

  /** The exit code of a run that lost accepted jobs. */
  static final int LOST_JOBS = 2;

  /** The median platform overhead a load run is held to (issue 7), seconds. */
  static final double OVERHEAD_TARGET_S = 0.015;

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  /** UEs of the warm-up fleet at most. */
  static final int WARMUP_UES = 20;

  /**
   * Jobs per second the warm-up fleet offers at least (more if the measured run offers more): 60 s
   * of it pass some thousand records through each hop, which a lone job needs to see its warm hop
   * times.
   */
  static final double WARMUP_MIN_JOBS_PER_S = 20;

  @Option(names = "--ues", defaultValue = "200", description = "simulated UEs (default 200)")
  int ues;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "how long jobs arrive (default ${DEFAULT-VALUE})")
  String duration;

  @Option(
      names = "--rate",
      defaultValue = "0.1/s",
      description =
          "Poisson job rate per UE (default ${DEFAULT-VALUE}: 20 jobs/s from 200 UEs, below what"
              + " this 2-core machine serves, so the run measures the platform's overhead rather"
              + " than queueing; raise it to find the saturation)")
  String rate;

  @Option(
      names = "--net",
      defaultValue = "resnet18",
      description = "the net the UEs run and are accounted for (default ${DEFAULT-VALUE})")
  String net;

  @Option(
      names = "--model",
      defaultValue = "resnet18-narrow",
      description =
          "the model family the services serve for that net at 32x32, from the model cache"
              + " (trained on first use): default ${DEFAULT-VALUE}, resnet18 at a quarter of its"
              + " width, small so that the run measures the platform rather than the DNN; the"
              + " net's own family (e.g. resnet18) for the full-size one")
  String model;

  @Option(
      names = "--policy",
      defaultValue = "fixed:2:0.5",
      description =
          "the orchestrator's policy (default ${DEFAULT-VALUE}: every job runs head + encoder on"
              + " compression-service and decoder + tail on inference-service)")
  String policy;

  @Option(
      names = "--slot",
      defaultValue = "500ms",
      description =
          "the orchestrator's slot, when UEs report a changed state (default ${DEFAULT-VALUE})")
  String slot;

  @Option(names = "--seed", defaultValue = "1", description = "seed of positions and arrivals")
  long seed;

  @Option(
      names = "--grace",
      defaultValue = "30s",
      description = "how long accepted jobs may take after the run (default ${DEFAULT-VALUE})")
  String grace;

  @Option(
      names = "--warmup",
      defaultValue = "60s",
      description =
          "a warm-up run of up to "
              + WARMUP_UES
              + " UEs before the measured one, offering its jobs per second or "
              + (int) WARMUP_MIN_JOBS_PER_S
              + " if that is more, not counted:"
              + " topics, consumer groups and a JIT that has compiled the job path, so that the run"
              + " measures the steady state (default ${DEFAULT-VALUE}; 0 for none)")
  String warmup;

  @Option(
      names = "--hops",
      description =
          "also split the measured run's jobs hop by hop (accepted -> job record -> feature record"
              + " -> result record, from the records' CreateTime and the result's timings) and"
              + " print the split after the report (on stderr with --format json)")
  boolean hops;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    SummaryFormat output = SummaryFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
    Net dnn = Net.parse(net);
    URI nowhere = URI.create("http://127.0.0.1:0");
    Duration slotLength =
        settings(nowhere, ues, ratePerUe(), SimulatorSettings.parseDuration(duration)).slot();
    Duration warmupFor = SimulatorSettings.parseDuration(warmup);
    ModelStore store = ModelStore.fromEnvironment();
    String modelId = ModelProvisioner.ensure(store, Architecture.of(model.trim()).id(), err);
    Ports ports = Ports.free();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(ports.kafka());
        Platform platform =
            Platform.start(
                new Platform.Config(
                    ports,
                    broker.bootstrapServers(),
                    dnn.id(),
                    modelId,
                    store.home().toString(),
                    policy,
                    Platform.Config.PAPER_BETA,
                    slotLength,
                    seed),
                name -> err.println("started " + name))) {
      URI gateway = URI.create("http://127.0.0.1:" + ports.gateway());
      if (!warmupFor.isZero()) {
        SimulatorSettings warmSettings = warmupSettings(gateway, warmupFor);
        err.printf(
            Locale.ROOT,
            "warm-up: %d UEs at %.2f jobs/s each for %s%n",
            warmSettings.ues(),
            warmSettings.ratePerUe(),
            warmup.trim());
        try (Fleet warm = Fleet.start(warmSettings)) {
          err.println("warm-up: " + LoadReport.progress(warm.finished().join()));
        }
      }
      SimulatorSettings settings =
          settings(gateway, ues, ratePerUe(), SimulatorSettings.parseDuration(duration));
      err.printf(
          Locale.ROOT,
          "bench load: %d UEs at %s each for %s, policy %s; progress every %d s%n",
          ues,
          rate,
          duration,
          policy,
          PROGRESS_EVERY.toSeconds());
      double loadStart = loadAverage();
      HopRecorder recorder = hops ? HopRecorder.start(broker.bootstrapServers()) : null;
      try (Fleet fleet = Fleet.start(settings)) {
        RunSummary summary =
            FleetRunner.run(
                fleet,
                PROGRESS_EVERY,
                s -> err.println(LoadReport.progress(s)),
                s -> {
                  LoadReport report =
                      new LoadReport(
                          ues,
                          settings.ratePerUe(),
                          settings.duration().toNanos() / 1e9,
                          dnn.id(),
                          modelId,
                          policy,
                          Runtime.getRuntime().availableProcessors(),
                          loadStart,
                          loadAverage(),
                          OVERHEAD_TARGET_S,
                          s);
                  out.print(report.render(output));
                  out.flush();
                });
        if (recorder != null) {
          (output == SummaryFormat.JSON ? err : out).print(recorder.stop().table());
        }
        return summary.nothingLost() ? 0 : LOST_JOBS;
      }
    }
  }

  /**
   * A fleet's settings from the options.
   *
   * @param gateway the gateway's base URI
   * @param fleetUes the fleet's UEs
   * @param ratePerUe each UE's Poisson job rate, jobs per second
   * @param runFor how long its jobs arrive
   * @return the settings: images at the served model's size, one job in flight per UE
   */
  SimulatorSettings settings(URI gateway, int fleetUes, double ratePerUe, Duration runFor) {
    return SimulatorSettings.defaults(gateway, fleetUes, ratePerUe, runFor, seed)
        .withWorkload(
            Net.parse(net),
            SimulatorSettings.parseDuration(slot),
            ModelProvisioner.imageSize(Architecture.of(model.trim()).id()),
            1,
            SimulatorSettings.parseDuration(grace));
  }

  /**
   * The warm-up fleet's settings: at most {@value #WARMUP_UES} UEs (every UE stays registered with
   * the orchestrator, so a warm-up of all {@code --ues} would double the control plane of the
   * measured run) offering between them the measured run's jobs per second, or {@value
   * #WARMUP_MIN_JOBS_PER_S} if that is more.
   *
   * @param gateway the gateway's base URI
   * @param runFor how long the warm-up's jobs arrive
   * @return the settings
   */
  SimulatorSettings warmupSettings(URI gateway, Duration runFor) {
    int warmUes = Math.min(ues, WARMUP_UES);
    double jobsPerS = Math.max(ratePerUe() * ues, WARMUP_MIN_JOBS_PER_S);
    return settings(gateway, warmUes, jobsPerS / warmUes, runFor);
  }

  private double ratePerUe() {
    return SimulatorSettings.parseRate(rate);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
