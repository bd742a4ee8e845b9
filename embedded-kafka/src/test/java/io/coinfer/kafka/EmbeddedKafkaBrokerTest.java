package io.coinfer.cli.up;

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

  private static boolean portOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
