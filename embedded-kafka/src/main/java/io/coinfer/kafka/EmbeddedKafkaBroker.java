package io.coinfer.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in this JVM, in KRaft mode (one process that is both broker and
 * controller), bound to 127.0.0.1. Its log directory is a fresh temporary folder, formatted at
 * start and deleted at {@link #close}. Topics are created on first use with 3 partitions. It can be
 * stopped and started again on the same ports and log directory ({@link #stop}, {@link #restart}),
 * keeping its topics, records and committed offsets: a broker restart as clients see it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final long READY_TIMEOUT_S = 60;

  private final KafkaConfig config;
  private final Path logDir;
  private final int port;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(KafkaConfig config, Path logDir, int port) {
    this.config = config;
    this.logDir = logDir;
    this.port = port;
  }

  /**
   * Formats a temporary log directory, starts the broker and waits until it answers.
   *
   * @param port the client port, or 0 for a free one
   * @return the running broker
   * @throws IllegalStateException when the port is taken or the broker does not come up (the
   *     message says which)
   */
  public static EmbeddedKafkaBroker start(int port) {
    int clientPort = port == 0 ? freePort() : requireFree(port);
    int controllerPort = freePort();
    Path dir;
    try {
      dir = Files.createTempDirectory("coinfer-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's log directory", e);
    }
    EmbeddedKafkaBroker broker = null;
    try {
      KafkaConfig config = new KafkaConfig(properties(clientPort, controllerPort, dir), false);
      format(dir);
      broker = new EmbeddedKafkaBroker(config, dir, clientPort);
      broker.restart();
      return broker;
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.stop();
      }
      delete(dir);
      throw e;
    }
  }

  /**
   * @return the bootstrap servers of this broker, {@code 127.0.0.1:<port>}
   */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /**
   * @return the client port
   */
  public int port() {
    return port;
  }

  /**
   * @return the broker's log directory (deleted at {@link #close})
   */
  public Path logDir() {
    return logDir;
  }

  /**
   * @return whether the broker is running (started and not stopped since)
   */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Stops the broker and waits for it to stop, keeping its log directory for {@link #restart}; does
   * nothing if it is stopped.
   */
  public synchronized void stop() {
    KafkaRaftServer running = server;
    server = null;
    if (running != null) {
      running.shutdown();
      running.awaitShutdown();
    }
  }

  /**
   * Starts a stopped broker again on the same ports and log directory and waits until it answers;
   * does nothing if it is running.
   *
   * @throws IllegalStateException when it does not come up
   */
  public synchronized void restart() {
    if (server != null) {
      return;
    }
    KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
    server = started;
    started.startup();
    awaitReady();
  }

  /** Stops the broker, waits for it to stop and deletes its log directory. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      delete(logDir);
    }
  }

  private static Map<String, String> properties(int clientPort, int controllerPort, Path dir) {
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dir.toString());
    p.put("num.partitions", "3");
    p.put("auto.create.topics.enable", "true");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.flush.interval.messages", "1000000");
    return p;
  }

  private static void format(Path dir) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(dir.toString())
          .addDirectory(dir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the broker's log directory " + dir, e);
    }
  }

  private void awaitReady() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
      admin.describeCluster().nodes().get(READY_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the embedded Kafka broker at " + bootstrapServers() + " did not come up", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST, e);
    }
  }

  private static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " on "
              + HOST
              + " is taken (another Kafka?); choose another with --kafka-port",
          e);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the broker's log directory " + dir, e);
    }
  }
}
