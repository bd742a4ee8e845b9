package io.coinfer.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.djl.engine.Engine;
import io.coinfer.contracts.Topics;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.FeatureEvent;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.contracts.messaging.EventMessages;
import io.coinfer.contracts.security.SigningKeys;
import io.coinfer.inference.batch.MicroBatcher;
import io.coinfer.kafka.EmbeddedKafkaBroker;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.InputSpec;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The features consumer commits a feature's offset only once the feature's result is on {@code
 * coinfer.results}, so that a crash (even {@code kill -9}) loses no feature queued for the tail.
 * The inference-service runs against an in-process KRaft broker with a small resnet18; a batching
 * wait of two seconds keeps each feature in the tail batcher long enough for the committed offsets
 * to be read while it is there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcknowledgeAfterResultTest {

  private static final String GROUP = "inference-service";
  private static final int SIZE = 32;

  private EmbeddedKafkaBroker broker;
  private ConfigurableApplicationContext service;
  private EventJson json;
  private KafkaProducer<byte[], byte[]> producer;
  private Admin admin;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    broker = EmbeddedKafkaBroker.start(0);
    Path model = writeModel(dir.resolve("resnet18-ack-32"));
    service =
        InferenceApplication.builder()
            .run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--management.server.address=127.0.0.1",
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.kafka=WARN",
                "--coinfer.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--coinfer.security.keys="
                    + SigningKeys.of(List.of(SigningKeys.newEntry("ack"))).toSetting(),
                "--coinfer.inference.models.by-net.resnet18=" + model,
                "--coinfer.inference.models.home=" + dir.resolve("store"),
                "--coinfer.inference.batching.max-wait=2s");
    json = service.getBean(EventJson.class);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  @AfterAll
  void stop() {
    if (admin != null) {
      admin.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (service != null) {
      service.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** coinfer-kafka.yml turns off the observations around every record, not the HTTP server's. */
  @Test
  @Order(0)
  void shouldNotObserveEveryRecord() {
    ObservationRegistry registry = service.getBean(ObservationRegistry.class);

    assertThat(Observation.start("spring.cloud.function", registry).isNoop()).isTrue();
    assertThat(Observation.start("spring.integration.handler", registry).isNoop()).isTrue();
    assertThat(Observation.start("http.server.requests", registry).isNoop()).isFalse();
  }

  @Test
  @Order(1)
  void shouldCommitAQueuedFeatureOnlyAfterItsResultIsPublished() throws Exception {
    String jobId = UUID.randomUUID().toString();
    RecordMetadata sent = send(jobId, "ue-1", png());
    TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
    // whenever the group's offset is past the feature, its result must be published already
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              long committed = committed(partition);
              boolean done = !results(jobId).isEmpty();
              assertThat(committed <= sent.offset() || done)
                  .as("offset committed past job %s before its result was published", jobId)
                  .isTrue();
              return committed > sent.offset();
            });
    assertThat(committed(partition)).isEqualTo(sent.offset() + 1);
    assertThat(results(jobId))
        .singleElement()
        .extracting(ResultEvent::status)
        .isEqualTo(JobStatus.DONE);
  }

  @Test
  @Order(2)
  void shouldCommitPastRejectedAndDuplicateFeaturesInOrder() throws Exception {
    String ue = "ue-2";
    String good = UUID.randomUUID().toString();
    String bad = UUID.randomUUID().toString();
    send(good, ue, png());
    RecordMetadata rejected = send(bad, ue, "not an image".getBytes(StandardCharsets.UTF_8));
    RecordMetadata duplicate = send(good, ue, png());
    TopicPartition partition = new TopicPartition(duplicate.topic(), duplicate.partition());
    assertThat(rejected.partition()).isEqualTo(duplicate.partition());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> committed(partition) == duplicate.offset() + 1);
    assertThat(results(good))
        .singleElement()
        .extracting(ResultEvent::status)
        .isEqualTo(JobStatus.DONE);
    assertThat(results(bad))
        .singleElement()
        .extracting(ResultEvent::status)
        .isEqualTo(JobStatus.FAILED);
  }

  /** Closes the service: it must not leave a feature it held to be consumed and answered again. */
  @Test
  @Order(3)
  void shouldCommitWhatTheBatcherHeldWhenTheServiceStops() throws Exception {
    String jobId = UUID.randomUUID().toString();
    RecordMetadata sent = send(jobId, "ue-3", png());
    TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
    MicroBatcher batcher = service.getBean(MicroBatcher.class);
    // the feature waits in the batcher (the two-second batching wait) when the service stops
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !batcher.awaitSettled(Duration.ZERO));
    service.close();
    service = null;
    assertThat(results(jobId))
        .singleElement()
        .extracting(ResultEvent::status)
        .isEqualTo(JobStatus.DONE);
    assertThat(committed(partition)).isEqualTo(sent.offset() + 1);
  }

  private RecordMetadata send(String jobId, String ueId, byte[] image) throws Exception {
    FeatureEvent feature =
        new FeatureEvent(
            Event.SCHEMA_VERSION,
            jobId,
            ueId,
            "resnet18",
            0,
            "image/png",
            image,
            new DecisionRef(1, 0, 0, 0.5, "fixed", "builtin", DecisionSource.POLICY),
            new UeAccounting(0, 0, 0.01, 0.005, 8000, 1e6),
            Instant.now());
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            Topics.FEATURES, ueId.getBytes(StandardCharsets.UTF_8), json.write(feature));
    record.headers().add(EventMessages.JOB_ID_HEADER, jobId.getBytes(StandardCharsets.UTF_8));
    return producer.send(record).get();
  }

  private long committed(TopicPartition partition) throws Exception {
    OffsetAndMetadata offset =
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().get(partition);
    return offset == null ? 0 : offset.offset();
  }

  private List<ResultEvent> results(String jobId) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<ResultEvent> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.RESULTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (jobId.equals(new String(r.key(), StandardCharsets.UTF_8))) {
            found.add(json.read(r.value(), ResultEvent.class));
          }
        }
      }
    }
    return found;
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        image.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A resnet18 at 32x32, untrained (seeded), served whole at point 0: no codec needed. */
  private static Path writeModel(Path modelDir) throws IOException {
    Engine.getInstance().setRandomSeed(7);
    String id = modelDir.getFileName().toString();
    List<String> labels = IntStream.range(0, 10).mapToObj(i -> "class-" + i).toList();
    Files.createDirectories(modelDir);
    try (DjlSplitModel model =
        DjlSplitModel.create(id, Architecture.RESNET18, InputSpec.rgb(SIZE), labels)) {
      model.saveParameters(modelDir.resolve(ModelStore.BACKBONE));
      List<ModelManifest.PointShape> points = new ArrayList<>();
      for (int point = 1; point <= 4; point++) {
        long[] s = model.featureShape(point).getShape();
        points.add(
            new ModelManifest.PointShape(point, List.of((int) s[0], (int) s[1], (int) s[2])));
      }
      ModelStore.writeManifest(
          modelDir,
          new ModelManifest(
              ModelManifest.FORMAT_VERSION,
              id,
              ModelManifest.DJL,
              "resnet18",
              InputSpec.rgb(SIZE),
              labels,
              points,
              Map.of("createdBy", "AcknowledgeAfterResultTest")));
    }
    return modelDir;
  }
}
