package io.coinfer.gateway.e2e;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The Kafka broker the platform under test runs on: in-JVM KRaft, or a Kafka container. */
interface KafkaBroker extends AutoCloseable {

  /** The official image the container variant runs, the Kafka version of the client. */
  DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

  String bootstrapServers();

  @Override
  void close();

  /** One KRaft broker in this JVM, three partitions per topic. */
  static KafkaBroker embeddedKraft() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.afterPropertiesSet();
    return new KafkaBroker() {
      @Override
      public String bootstrapServers() {
        return broker.getBrokersAsString();
      }

      @Override
      public void close() {
        broker.destroy();
      }
    };
  }

  /** A single-node KRaft broker in an {@code apache/kafka} container (needs Docker). */
  static KafkaBroker container() {
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_NUM_PARTITIONS", "3");
    kafka.start();
    return new KafkaBroker() {
      @Override
      public String bootstrapServers() {
        return kafka.getBootstrapServers();
      }

      @Override
      public void close() {
        kafka.stop();
      }
    };
  }
}
