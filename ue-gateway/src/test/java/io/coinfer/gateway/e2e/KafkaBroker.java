package io.coinfer.gateway.e2e;

import io.coinfer.kafka.EmbeddedKafkaBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The Kafka broker the platform under test runs on: in-JVM KRaft, or a Kafka container. */
public interface KafkaBroker extends AutoCloseable {

  /** The official image the container variant runs, the Kafka version of the client. */
  DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

  /**
   * @return the bootstrap servers
   */
  String bootstrapServers();

  @Override
  void close();

  /**
   * One KRaft broker in this JVM (coinfer up's {@link EmbeddedKafkaBroker}), three partitions per
   * topic.
   *
   * @return the running broker
   */
  static KafkaBroker embeddedKraft() {
    return of(EmbeddedKafkaBroker.start(0));
  }

  /**
   * An embedded broker the caller may also stop and restart.
   *
   * @param broker the running broker
   * @return it as the platform's broker; closing it closes the broker
   */
  static KafkaBroker of(EmbeddedKafkaBroker broker) {
    return new KafkaBroker() {
      @Override
      public String bootstrapServers() {
        return broker.bootstrapServers();
      }

      @Override
      public void close() {
        broker.close();
      }
    };
  }

  /**
   * A single-node KRaft broker in an {@code apache/kafka} container (needs Docker).
   *
   * @return the running broker
   */
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
