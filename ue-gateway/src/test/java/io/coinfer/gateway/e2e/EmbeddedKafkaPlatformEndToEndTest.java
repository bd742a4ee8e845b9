package io.coinfer.gateway.e2e;

/** The platform end to end on an in-JVM KRaft broker: runs everywhere. */
class EmbeddedKafkaPlatformEndToEndTest extends PlatformEndToEndTest {

  @Override
  KafkaBroker startBroker() {
    return KafkaBroker.embeddedKraft();
  }
}
