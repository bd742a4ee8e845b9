package io.coinfer.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

  @Test
  void shouldRoundTripRecordsAndCleanUpOnClose() throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0);
    Path logDir = broker.logDir();
    int port = broker.port();
    try {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(logDir).isDirectory();

      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true),
              new StringSerializer(),
              new StringSerializer())) {
        for (int i = 0; i < 10; i++) {
          producer
              .send(new ProducerRecord<>("coinfer.test", "ue-" + i, "job-" + i))
              .get(30, TimeUnit.SECONDS);
        }
      }

      List<ConsumerRecord<String, String>> seen = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                  ConsumerConfig.GROUP_ID_CONFIG, "round-trip",
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
              new StringDeserializer(),
              new StringDeserializer())) {
        consumer.subscribe(List.of("coinfer.test"));
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                  return seen.size() >= 10;
                });
      }
      assertThat(seen)
          .extracting(ConsumerRecord::value)
          .containsExactlyInAnyOrder(
              "job-0", "job-1", "job-2", "job-3", "job-4", "job-5", "job-6", "job-7", "job-8",
              "job-9");
      assertThat(seen).allSatisfy(r -> assertThat(r.value()).endsWith(r.key().substring(3)));
      assertThat(seen.stream().map(ConsumerRecord::partition).distinct()).hasSizeGreaterThan(1);

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(port))
          .hasMessageContaining("port " + port + " on 127.0.0.1 is taken");
    } finally {
      broker.close();
    }

    assertThat(Files.exists(logDir)).isFalse();
    assertThat(portOpen(port)).isFalse();
  }

  @Test
  void shouldKeepRecordsAndCommittedOffsetsAcrossAStopAndRestartOnTheSamePort() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0)) {
      int port = broker.port();
      Map<String, Object> consumerConfig =
          Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
              broker.bootstrapServers(),
              ConsumerConfig.GROUP_ID_CONFIG,
              "restart",
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
              "earliest",
              ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
              false);
      send(broker, 0, 5);
      // a group reads the first five and commits
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
        assertThat(readValues(consumer, 5)).hasSize(5);
        consumer.commitSync();
      }

      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      assertThat(portOpen(port)).isFalse();
      broker.restart();
      assertThat(broker.isRunning()).isTrue();
      assertThat(broker.port()).isEqualTo(port);

      // the same group resumes after its committed offsets: only the five sent after the restart
      send(broker, 5, 10);
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
        assertThat(readValues(consumer, 5))
            .containsExactlyInAnyOrder("job-5", "job-6", "job-7", "job-8", "job-9");
      }
    }
  }

  private static void send(EmbeddedKafkaBroker broker, int from, int to) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = from; i < to; i++) {
        producer
            .send(new ProducerRecord<>("coinfer.restart", "ue-" + i, "job-" + i))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static List<String> readValues(KafkaConsumer<String, String> consumer, int count) {
    consumer.subscribe(List.of("coinfer.restart"));
    List<String> seen = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
              return seen.size() >= count;
            });
    // nothing more arrives
    consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
    return seen;
  }

  private static boolean portOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
