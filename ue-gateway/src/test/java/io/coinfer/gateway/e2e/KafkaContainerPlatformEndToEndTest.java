package io.coinfer.gateway.e2e;

import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same platform end to end on a Kafka container ({@code apache/kafka}, KRaft); skipped where no
 * Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerPlatformEndToEndTest extends PlatformEndToEndTest {

  @Override
  KafkaBroker startBroker() {
    return KafkaBroker.container();
  }
}
