package io.coinfer.cli.evaluate;

import io.coinfer.mec.eval.EvaluationSummary;
import io.coinfer.mec.eval.Evaluator;
import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.DeviceProfiles;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code coinfer evaluate}: runs schedulers on the simulated MEC system and prints the paper's
 * latency and energy per task per device, the continuous-time task latency, the summed reward and
 * the slots, with the change against {@code local}. Progress goes to stderr, results to stdout.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs schedulers on the simulated MEC system (the paper's model) and compares them.",
      "Example: coinfer evaluate --policy all --net resnet18 --format json"
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      split = ",",
      defaultValue = "all",
      paramLabel = "<spec>",
      description =
          "Scheduler spec(s), comma-separated or repeated: local, edge, fixed:<point>:<power>,"
              + " random, greedy, static-search, any registered one (e.g. mahppo:<checkpoint>),"
              + " or all (every baseline). Default: ${DEFAULT-VALUE}.")
  List<String> policies;

  @Option(
      names = "--net",
      defaultValue = "resnet18",
      converter = NetConverter.class,
      description = "vgg11, resnet18 or mobilenetv2. Default: ${DEFAULT-VALUE}.")
  Net net;

  @Option(
      names = "--ues",
      defaultValue = "5",
      description = "Number of UEs. Default: ${DEFAULT-VALUE}.")
  int ues;

  @Option(
      names = "--channels",
      defaultValue = "2",
      description = "Number of uplink sub-channels. Default: ${DEFAULT-VALUE}.")
  int channels;

  @Option(
      names = "--scenario",
      defaultValue = "test",
      converter = ScenarioConverter.class,
      description =
          "test (50 m, lambda tasks, start local), train (random distances, Poisson batches,"
              + " random start, published slot cap), random-positions (random distances,"
              + " test-style batches), co-located (train, but one distance, batch and start"
              + " shared by every UE) or co-located-positions (test, but at one random distance)."
              + " Default: ${DEFAULT-VALUE}.")
  Scenario scenario;

  @Option(
      names = "--episodes",
      paramLabel = "K",
      description = "Seeded episodes per policy. Default: 1 for test, 20 otherwise.")
  Integer episodes;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Run seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--format",
      defaultValue = "table",
      converter = FormatConverter.class,
      description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
  ResultFormat format;

  @Option(
      names = "--lambda",
      defaultValue = "200",
      description = "Tasks per UE (Poisson mean in train). Default: ${DEFAULT-VALUE}.")
  int lambda;

  @Option(
      names = {"--slot-seconds", "-T"},
      defaultValue = "0.5",
      description = "Slot length T in seconds. Default: ${DEFAULT-VALUE}.")
  double slotSeconds;

  @Option(
      names = "--beta",
      defaultValue = "1",
      description = "Weight of energy in the reward. Default: ${DEFAULT-VALUE}.")
  double beta;

  @Option(
      names = "--bandwidth-hz",
      defaultValue = "1e6",
      description = "Bandwidth W of a sub-channel in Hz. Default: ${DEFAULT-VALUE}.")
  double bandwidthHz;

  @Option(
      names = "--alpha",
      defaultValue = "3",
      description = "Path-loss exponent. Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Option(
      names = "--noise-watts",
      defaultValue = "1e-9",
      description = "Noise power in W. Default: ${DEFAULT-VALUE}.")
  double noiseWatts;

  @Option(
      names = "--pmax",
      defaultValue = "1",
      description = "Largest transmit power in W. Default: ${DEFAULT-VALUE}.")
  double pmaxWatts;

  @Option(
      names = "--dmin",
      defaultValue = "1",
      description = "Smallest UE distance in m. Default: ${DEFAULT-VALUE}.")
  double dminMeters;

  @Option(
      names = "--dmax",
      defaultValue = "100",
      description = "Largest UE distance in m. Default: ${DEFAULT-VALUE}.")
  double dmaxMeters;

  @Option(
      names = "--profile",
      paramLabel = "<file>",
      description =
          "A measured device profile (CSV, as written by coinfer profile). Default: the"
              + " authors' Jetson Nano table.")
  Path profile;

  @Option(
      names = "--edge-compute",
      description =
          "Model the edge server's decoder+tail time from the profile's edge_tail_seconds, one"
              + " FIFO edge processor shared by all UEs (our extension; off = paper-faithful).")
  boolean edgeCompute;

  @Option(
      names = "--power-error-db",
      paramLabel = "dB",
      defaultValue = "0",
      description =
          "Each UE misses its commanded transmit power by a factor of its own, drawn per episode"
              + " uniformly within +-dB (capped at pmax), the same for every policy. Default: 0"
              + " (exact, as the paper assumes).")
  double powerErrorDb;

  @Option(
      names = "--distance",
      paramLabel = "m",
      description =
          "Put every UE at this distance, in meters within [dmin, dmax], keeping the scenario's"
              + " batches and first actions: --scenario test --distance 45 is the test scenario at"
              + " 45 m. Default: the scenario's own distances.")
  Double distanceMeters;

  @Override
  public Integer call() {
    ScenarioConfig cfg = config();
    int k = episodes != null ? episodes : (scenario == Scenario.TEST ? 1 : 20);
    if (k < 1) {
      throw new ParameterException(spec.commandLine(), "--episodes must be >= 1, got " + k);
    }
    List<String> specs = expand(cfg);
    Map<String, DecisionTimer> schedulers = new LinkedHashMap<>();
    for (String policy : specs) {
      schedulers.put(policy, new DecisionTimer(create(policy, cfg)));
    }
    Evaluator evaluator;
    try {
      evaluator = new Evaluator(cfg, scenario).withPowerErrorDb(powerErrorDb);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--power-error-db: " + e.getMessage(), e);
    }
    if (distanceMeters != null) {
      try {
        evaluator = evaluator.withDistanceMeters(distanceMeters);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--distance: " + e.getMessage(), e);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    EvaluationSummary local = null;
    List<Measured> measured = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, DecisionTimer> entry : schedulers.entrySet()) {
      index++;
      String label = String.format(Locale.ROOT, "[%d/%d] %s", index, specs.size(), entry.getKey());
      EvaluationSummary summary =
          evaluator.evaluate(entry.getValue(), k, seed, done -> progress(err, label, done, k));
      measured.add(new Measured(summary, entry.getValue().meanMillis()));
      if (entry.getKey().equals("local")) {
        local = summary;
      }
    }
    if (local == null) {
      local = evaluator.evaluate(create("local", cfg), k, seed, done -> {});
    }
    err.flush();
    List<PolicyResult> rows = new ArrayList<>();
    for (Measured m : measured) {
      rows.add(
          PolicyResult.of(
              m.summary(),
              local,
              net.id(),
              ues,
              channels,
              scenario.id(),
              seed,
              powerErrorDb,
              distanceMeters,
              cfg.beta(),
              m.msPerDecision()));
    }
    String title =
        String.format(
            Locale.ROOT,
            "%s, %d UEs, %d sub-channels, scenario %s%s, %d episode(s), seed %d, profile %s%s%s",
            net.id(),
            ues,
            channels,
            scenario.id(),
            distanceMeters != null ? " with every UE at " + distanceMeters + " m" : "",
            k,
            seed,
            cfg.profile().name(),
            edgeCompute ? ", edge compute on" : "",
            powerErrorDb > 0 ? ", power error up to " + powerErrorDb + " dB" : "");
    PrintWriter out = spec.commandLine().getOut();
    format.print(rows, title, out);
    out.flush();
    return 0;
  }

  private ScenarioConfig config() {
    DeviceProfile device;
    try {
      device = profile == null ? DeviceProfiles.jetsonNano() : DeviceProfiles.load(profile);
      return new ScenarioConfig(
          net,
          ues,
          channels,
          lambda,
          slotSeconds,
          beta,
          bandwidthHz,
          alpha,
          noiseWatts,
          pmaxWatts,
          dminMeters,
          dmaxMeters,
          edgeCompute,
          device);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private List<String> expand(ScenarioConfig cfg) {
    List<String> specs = new ArrayList<>();
    for (String policy : policies) {
      String trimmed = policy.trim();
      List<String> add =
          trimmed.equalsIgnoreCase("all") ? Schedulers.allBaselines(cfg) : List.of(trimmed);
      for (String s : add) {
        if (!specs.contains(s)) {
          specs.add(s);
        }
      }
    }
    return specs;
  }

  private Scheduler create(String policy, ScenarioConfig cfg) {
    try {
      return Schedulers.create(policy, cfg, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--policy: " + e.getMessage(), e);
    }
  }

  private static void progress(PrintWriter err, String label, int done, int total) {
    int width = 20;
    int filled = (int) Math.round(width * (double) done / total);
    err.printf(
        Locale.ROOT,
        "\r%-28s [%s%s] %d/%d episodes",
        label,
        "#".repeat(filled),
        ".".repeat(width - filled),
        done,
        total);
    if (done == total) {
      err.println();
    }
    err.flush();
  }

  /** Parses {@code --net}. */
  static final class NetConverter implements CommandLine.ITypeConverter<Net> {
    @Override
    public Net convert(String value) {
      try {
        return Net.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Parses {@code --scenario}. */
  static final class ScenarioConverter implements CommandLine.ITypeConverter<Scenario> {
    @Override
    public Scenario convert(String value) {
      try {
        return Scenario.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Parses {@code --format}. */
  static final class FormatConverter implements CommandLine.ITypeConverter<ResultFormat> {
    @Override
    public ResultFormat convert(String value) {
      for (ResultFormat f : ResultFormat.values()) {
        if (f.name().equalsIgnoreCase(value.trim())) {
          return f;
        }
      }
      throw new CommandLine.TypeConversionException(
          "unknown format '" + value + "'; known: table, json, csv");
    }
  }

  /** One policy's evaluation and the mean wall time of its decisions, in milliseconds. */
  private record Measured(EvaluationSummary summary, double msPerDecision) {}
}
