package io.coinfer.cli.up;

import io.coinfer.contracts.api.PolicyView;
import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.Tokens;
import io.coinfer.kafka.EmbeddedKafkaBroker;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.simulator.SimulatorSettings;
import io.coinfer.simulator.fleet.Fleet;
import io.coinfer.simulator.report.RunSummary;
import io.coinfer.simulator.report.SummaryFormat;
import io.coinfer.splitnn.store.ModelStore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code coinfer up}: trains the split model on first run (cached afterwards), starts a Kafka
 * broker in-process, the four services on their ports and a simulated UE fleet; prints a live
 * summary every few seconds and, at {@code --duration} or Ctrl-C, a table that compares the run
 * with {@code local}.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole platform in this process: an in-process Kafka broker (KRaft), ue-gateway,"
          + " orchestrator-service, compression-service and inference-service on 127.0.0.1, and a"
          + " fleet of simulated UEs. Stops at --duration or Ctrl-C with a table comparing the run"
          + " with `local`.",
      "Management (actuator/prometheus) ports are the service ports + 1000.",
      "An admin token for this run (the services' keys are drawn at random at each start) is"
          + " written to --admin-token-file."
    })
public final class UpCommand implements Callable<Integer> {

  private static final Duration LIVE_EVERY = Duration.ofSeconds(5);
  private static final Duration FIRST_JOB_CHECK = Duration.ofMillis(100);
  private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(90);

  /** Tokens of a run live as long as its random keys, i.e. the run; this only bounds them. */
  private static final Duration RUN_TOKEN_TTL = Duration.ofDays(30);

  @Option(names = "--ues", defaultValue = "5", description = "simulated UEs (default 5)")
  int ues;

  @Option(
      names = "--rate",
      defaultValue = "1/s",
      description = "Poisson job rate per UE (default ${DEFAULT-VALUE})")
  String rate;

  @Option(
      names = "--net",
      defaultValue = "resnet18",
      description = "the DNN served and run by the UEs (default ${DEFAULT-VALUE})")
  String net;

  @Option(
      names = "--policy",
      defaultValue = "greedy",
      description =
          "the orchestrator's policy: local, edge, fixed:<point>:<W>, random, greedy,"
              + " static-search, mahppo[:<checkpoint>|:latency-first][:plan<K>[:<ms>ms]] (default"
              + " ${DEFAULT-VALUE})")
  String policy;

  @Option(
      names = "--beta",
      defaultValue = "1",
      description =
          "the energy weight of the objective the orchestrator's policies schedule for, latency (s)"
              + " + beta x energy (J) per task; PUT /api/v1/policy switches it at run time"
              + " (default ${DEFAULT-VALUE}, the paper's)")
  double beta;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description =
          "how long the fleet submits jobs (0 with --no-fleet: until Ctrl-C; default"
              + " ${DEFAULT-VALUE})")
  String duration;

  @Option(
      names = "--slot",
      defaultValue = "500ms",
      description = "the orchestrator's slot length (default ${DEFAULT-VALUE})")
  String slot;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the fleet and policies")
  long seed;

  @Option(names = "--no-fleet", description = "start the platform only, for REST clients")
  boolean noFleet;

  @Option(
      names = "--grace",
      defaultValue = "30s",
      description = "how long to wait for accepted jobs at the end (default ${DEFAULT-VALUE})")
  String grace;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "default 9092")
  int kafkaPort;

  @Option(names = "--gateway-port", defaultValue = "8080", description = "default 8080")
  int gatewayPort;

  @Option(names = "--orchestrator-port", defaultValue = "8081", description = "default 8081")
  int orchestratorPort;

  @Option(names = "--compression-port", defaultValue = "8082", description = "default 8082")
  int compressionPort;

  @Option(names = "--inference-port", defaultValue = "8083", description = "default 8083")
  int inferencePort;

  @Option(
      names = "--prometheus-config",
      defaultValue = PrometheusConfig.DEFAULT_FILE,
      description = "where to write the Prometheus scrape config (default ${DEFAULT-VALUE})")
  Path prometheusConfig;

  @Option(
      names = "--admin-token-file",
      defaultValue = "coinfer-admin.token",
      description =
          "where to write an admin token for this run (policy switch, codec upload and training, UE"
              + " deletion; default ${DEFAULT-VALUE}, readable by you only)")
  Path adminTokenFile;

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Fleet fleet;
  private volatile boolean trained;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
    Net dnn = Net.parse(net);
    Duration runFor = SimulatorSettings.parseDuration(duration);
    if (runFor.isZero() && !noFleet) {
      throw new IllegalArgumentException("--duration 0 (until Ctrl-C) needs --no-fleet");
    }
    ScenarioConfig.requireBeta("--beta", beta);
    Ports ports =
        new Ports(kafkaPort, gatewayPort, orchestratorPort, compressionPort, inferencePort);
    Duration slotLength = SimulatorSettings.parseDuration(slot);
    Thread hook = new Thread(this::onCtrlC, "coinfer-up-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ModelStore store = ModelStore.fromEnvironment();
      String modelId = ModelProvisioner.ensure(store, dnn.id(), err);
      trained = true;
      if (stopping.get()) {
        return 130;
      }
      try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(ports.kafka())) {
        err.println(
            "kafka: " + broker.bootstrapServers() + " (KRaft, logs in " + broker.logDir() + ")");
        try (Platform platform =
            Platform.start(
                new Platform.Config(
                    ports,
                    broker.bootstrapServers(),
                    dnn.id(),
                    modelId,
                    store.home().toString(),
                    policy,
                    beta,
                    slotLength,
                    seed),
                name -> err.println("started " + name))) {
          PrometheusConfig.write(prometheusConfig, ports);
          writeAdminToken(platform.tokens());
          printPorts(out, ports);
          out.println(
              "admin token for this run in "
                  + adminTokenFile
                  + " (e.g. ADMIN=$(cat "
                  + adminTokenFile
                  + "); curl -H \"Authorization: Bearer $ADMIN\" ...)");
          if (noFleet) {
            awaitStop(runFor);
            out.println("stopping the platform");
          } else {
            runFleet(out, dnn, runFor, slotLength, ports, jvmStartMs, platform.tokens());
          }
        }
      }
      return 0;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Ctrl-C: the hook runs and waits for this thread to finish the teardown
      }
    }
  }

  private void runFleet(
      PrintStream out,
      Net dnn,
      Duration runFor,
      Duration slotLength,
      Ports ports,
      long jvmStartMs,
      Tokens tokens) {
    SimulatorSettings settings =
        SimulatorSettings.defaults(
                URI.create("http://127.0.0.1:" + ports.gateway()),
                ues,
                SimulatorSettings.parseRate(rate),
                runFor,
                seed)
            .withWorkload(
                dnn,
                slotLength,
                ModelProvisioner.imageSize(dnn.id()),
                1,
                SimulatorSettings.parseDuration(grace));
    PolicyReader policies =
        new PolicyReader(
            ports.orchestrator(), tokens.issue("coinfer-up", Role.SERVICE, RUN_TOKEN_TTL));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "coinfer-up-status");
              t.setDaemon(true);
              return t;
            });
    try (Fleet running = Fleet.start(settings)) {
      fleet = running;
      if (stopping.get()) {
        running.stop();
      }
      out.printf(
          Locale.ROOT,
          "fleet: %d UEs, %s jobs per UE, %s, policy %s at beta %s; live summary every %d s%n",
          ues,
          rate,
          dnn.id(),
          policy,
          beta,
          LIVE_EVERY.toSeconds());
      AtomicBoolean firstSeen = new AtomicBoolean();
      ticker.scheduleAtFixedRate(
          () -> {
            if (!firstSeen.get() && running.ledger().summary().completed() > 0) {
              firstSeen.set(true);
              out.printf(
                  Locale.ROOT,
                  "first job completed %.1f s after the command started%n",
                  (System.currentTimeMillis() - jvmStartMs) / 1e3);
            }
          },
          0,
          FIRST_JOB_CHECK.toNanos(),
          TimeUnit.NANOSECONDS);
      ticker.scheduleAtFixedRate(
          () ->
              out.println(
                  SummaryFormat.line(running.ledger().summary()) + "  active " + policies.active()),
          LIVE_EVERY.toNanos(),
          LIVE_EVERY.toNanos(),
          TimeUnit.NANOSECONDS);
      RunSummary summary = running.finished().join();
      ticker.shutdownNow();
      out.println();
      out.print(SummaryFormat.TABLE.render(summary));
      out.println();
      out.print(ReferenceTable.render(summary, policy, beta, settings));
      out.flush();
    } finally {
      ticker.shutdownNow();
    }
  }

  private void writeAdminToken(Tokens tokens) throws IOException {
    Files.deleteIfExists(adminTokenFile);
    Files.createFile(adminTokenFile);
    try {
      Files.setPosixFilePermissions(adminTokenFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the default permissions
    }
    Files.writeString(
        adminTokenFile, tokens.issue("coinfer-up-admin", Role.ADMIN, RUN_TOKEN_TTL) + "\n");
  }

  private void awaitStop(Duration runFor) throws InterruptedException {
    if (runFor.isZero()) {
      stopRequested.await();
    } else {
      stopRequested.await(runFor.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void onCtrlC() {
    stopping.set(true);
    stopRequested.countDown();
    Fleet running = fleet;
    if (running != null) {
      running.stop();
    }
    if (!trained) {
      return; // Ctrl-C while training: nothing runs yet that needs a clean stop
    }
    try {
      finished.await(SHUTDOWN_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void printPorts(PrintStream out, Ports ports) {
    out.println("platform up on 127.0.0.1:");
    out.printf(Locale.ROOT, "  %-22s %6d%n", "kafka", ports.kafka());
    ports
        .services()
        .forEach(
            (name, port) ->
                out.printf(
                    Locale.ROOT,
                    "  %-22s %6d  (management %d)%n",
                    name,
                    port,
                    Ports.management(port)));
  }

  /** Reads the orchestrator's active policy and beta for the live summary. */
  private static final class PolicyReader {

    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final URI uri;
    private final String token;

    PolicyReader(int port, String token) {
      this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/policy");
      this.token = token;
    }

    /** The active spec and beta, e.g. {@code greedy at beta 1.0}, or why it is unknown. */
    String active() {
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          return "? (orchestrator answered " + response.statusCode() + ")";
        }
        PolicyView view = json.readValue(response.body(), PolicyView.class);
        return view.spec() + " at beta " + view.beta();
      } catch (java.io.IOException | RuntimeException e) {
        return "? (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "?";
      }
    }
  }
}
