package io.coinfer.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.coinfer.contracts.Topics;
import io.coinfer.contracts.api.CodecTrainingView;
import io.coinfer.contracts.api.CodecView;
import io.coinfer.contracts.api.JobAccepted;
import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.api.SlotView;
import io.coinfer.contracts.api.UeRegistration;
import io.coinfer.contracts.api.UeView;
import io.coinfer.contracts.events.DecisionEvent;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.JobEvent;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.contracts.messaging.EventMessages;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.EpisodeSetup;
import io.coinfer.mec.sim.MecEnvironment;
import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.wire.FeatureWire;
import io.coinfer.splitnn.wire.QuantisedFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform end to end: ue-gateway, orchestrator-service, compression-service and
 * inference-service, each in its own application context, on one Kafka broker, serving a small
 * deterministic resnet18 (32x32, 10 classes) with codecs at points 1-4. One body, two brokers:
 * {@link EmbeddedKafkaPlatformEndToEndTest} (in-JVM KRaft, everywhere) and {@link
 * KafkaContainerPlatformEndToEndTest} (an {@code apache/kafka} container, where Docker is).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformEndToEndTest {

  private static final int UES = 5;
  private static final double POWER_W = 0.5;
  private static final double[] DISTANCES_M = {10, 25, 50, 75, 100};

  @TempDir static Path tmp;

  private static Platform platform;
  private static SplitRuntime direct;
  private static final List<UeRegistration> ues = new ArrayList<>();

  /** Starts the broker the platform runs on; {@link Platform#close()} closes it. */
  abstract KafkaBroker startBroker();

  @BeforeAll
  void startPlatformAndRegisterFiveUes() throws IOException {
    ues.clear();
    Path modelDir = TinySplitModel.write(tmp.resolve("model"));
    direct = SplitRuntime.open(modelDir);
    // one sub-channel per UE: the fixed policies give UE i channel i, so no two UEs interfere
    platform =
        new Platform(
            startBroker(),
            modelDir,
            tmp.resolve("store"),
            "--coinfer.orchestrator.slot.length=200ms",
            "--coinfer.orchestrator.radio.channels=" + UES,
            "--coinfer.orchestrator.policy.active=local");
    for (double distance : DISTANCES_M) {
      ues.add(platform.registerUe(distance));
    }
  }

  @AfterAll
  void stopPlatform() {
    if (platform != null) {
      platform.close();
      platform = null;
    }
    if (direct != null) {
      direct.close();
      direct = null;
    }
  }

  @Test
  void shouldCompleteFiftyJobsOverPointsZeroToFiveLikeTheDirectRunAndTheSystemModel() {
    // Given the orchestrator decides for all five UEs every slot
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              HttpResponse<String> slot =
                  platform.get(orchestrator("/api/v1/slots/latest"), platform.adminToken);
              return slot.statusCode() == 200 && platform.read(slot, SlotView.class).ues() == UES;
            });

    // When 50 jobs are submitted round robin over the UEs, 9/9/8/8/8/8 under fixed:<point>:0.5
    int[] jobsAtPoint = {9, 9, 8, 8, 8, 8};
    int submitted = 0;
    List<JobView> done = new ArrayList<>();
    for (int point = 0; point <= 5; point++) {
      switchPolicyAndAwaitDecisions(point);
      for (int k = 0; k < jobsAtPoint[point]; k++, submitted++) {
        UeRegistration ue = ues.get(submitted % UES);
        byte[] png = TinySplitModel.image(submitted);

        // Then each completes with the top-5 of the direct run and mec-core's latency and energy
        JobView view = platform.submitAndAwaitDone(ue, png);
        ResultEvent result = view.result();
        assertThat(result.decision().point()).isEqualTo(point);
        assertThat(result.decision().policyId()).isEqualTo("fixed:" + point + ":" + POWER_W);
        TinySplitModel.assertSameTop5(result.top5(), TinySplitModel.top5(direct, point, png));
        assertSystemModelCost(result, ue.ue().distanceM());
        done.add(view);
      }
    }
    assertThat(done).hasSize(50);
    double[] e2e = done.stream().mapToDouble(v -> v.result().endToEndS() * 1e3).sorted().toArray();
    double[] tail =
        done.stream().mapToDouble(v -> v.result().edge().tailS() * 1e3).sorted().toArray();
    System.out.printf(
        "platform e2e: 50 jobs, end-to-end p50 %.1f ms, p95 %.1f ms; edge tail p50 %.1f ms%n",
        e2e[24], e2e[47], tail[24]);
    assertThat(done.stream().map(v -> v.result().decision().point()).distinct())
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);

    // And the services export the platform's metrics
    assertThat(
            platform
                .get(
                    Platform.managementUrl(
                        platform.context(Platform.Service.GATEWAY), "/actuator/prometheus"),
                    null)
                .body())
        .contains("coinfer_task_latency_seconds_bucket", "coinfer_ue_energy_joules_bucket")
        .contains("coinfer_task_model_latency_seconds", "coinfer_jobs_accepted_total")
        .contains(
            "spring_cloud_stream_binder_kafka_offset", "kafka_consumer_fetch_manager_records_lag");
    assertThat(
            platform
                .get(
                    Platform.managementUrl(
                        platform.context(Platform.Service.ORCHESTRATOR), "/actuator/prometheus"),
                    null)
                .body())
        .contains("coinfer_slot_decision_time_seconds", "coinfer_decisions_total")
        .contains("coinfer_transmit_power_watts");
    assertThat(
            platform
                .get(
                    Platform.managementUrl(
                        platform.context(Platform.Service.INFERENCE), "/actuator/prometheus"),
                    null)
                .body())
        .contains(
            "coinfer_tail_batch_size",
            "coinfer_tail_queue_wait_seconds",
            "coinfer_tail_time_seconds");
    assertThat(
            platform
                .get(
                    Platform.managementUrl(
                        platform.context(Platform.Service.INFERENCE), "/actuator/health/readiness"),
                    null)
                .body())
        .contains("UP");
    // And the codec registry lists the four codecs the jobs used
    List<CodecView> codecs =
        List.of(
            platform.read(
                platform.get(
                    Platform.url(platform.context(Platform.Service.COMPRESSION), "/api/v1/codecs"),
                    platform.adminToken),
                CodecView[].class));
    assertThat(codecs).extracting(CodecView::point).containsExactly(1, 2, 3, 4);
    assertThat(codecs)
        .allSatisfy(c -> assertThat(c.codecId()).isEqualTo(direct.descriptor(c.point()).codecId()));
    // And the services publish their OpenAPI documents
    assertThat(platform.get(gateway("/v3/api-docs"), null).body())
        .contains("/api/v1/ues/{ueId}/jobs");
    assertThat(platform.get(orchestrator("/v3/api-docs"), null).body()).contains("/api/v1/policy");
  }

  @Test
  void shouldBatchTheTailAcrossUesWhenJobsArriveTogether() throws Exception {
    // Given all UEs at point 2
    switchPolicyAndAwaitDecisions(2);

    // When 20 jobs of the five UEs arrive at once
    ExecutorService clients = Executors.newFixedThreadPool(UES);
    List<CompletableFuture<String>> accepted = new ArrayList<>();
    List<byte[]> images = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        UeRegistration ue = ues.get(i % UES);
        byte[] png = TinySplitModel.image(1000 + i);
        images.add(png);
        accepted.add(
            CompletableFuture.supplyAsync(
                () ->
                    platform
                        .read(
                            platform.post(
                                gateway("/api/v1/ues/" + ue.ue().ueId() + "/jobs"),
                                "image/png",
                                png,
                                ue.token()),
                            JobAccepted.class)
                        .jobId(),
                clients));
      }
      // Then every job completes with the direct run's top-5, and some tail calls took batches
      int maxBatch = 0;
      for (int i = 0; i < accepted.size(); i++) {
        String jobId = accepted.get(i).get();
        String token = ues.get(i % UES).token();
        JobView view = awaitTerminal(jobId, token);
        assertThat(view.status()).isEqualTo(JobStatus.DONE);
        TinySplitModel.assertSameTop5(
            view.result().top5(), TinySplitModel.top5(direct, 2, images.get(i)));
        maxBatch = Math.max(maxBatch, view.result().edge().batchSize());
      }
      assertThat(maxBatch).isGreaterThan(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void shouldAnswerBadRequestsWithProblemDetails() {
    UeRegistration alice = ues.get(0);
    UeRegistration bob = ues.get(1);
    String aliceJobs = gateway("/api/v1/ues/" + alice.ue().ueId() + "/jobs");

    // When a job comes without a token, Then 401
    assertProblem(platform.post(aliceJobs, "image/png", TinySplitModel.image(1), null), 401);
    // When Bob's token is used on Alice's UE, Then 403
    assertProblem(platform.post(aliceJobs, "image/png", TinySplitModel.image(1), bob.token()), 403);
    // When the UE is unknown, Then 404
    assertProblem(
        platform.post(
            gateway("/api/v1/ues/" + UUID.randomUUID() + "/jobs"),
            "image/png",
            TinySplitModel.image(1),
            alice.token()),
        404);
    // When the body is not an image type, Then 415; when it only claims to be a PNG, Then 400
    assertProblem(
        platform.post(
            aliceJobs, "text/plain", "hello".getBytes(StandardCharsets.UTF_8), alice.token()),
        415);
    assertProblem(
        platform.post(
            aliceJobs, "image/png", "not a png".getBytes(StandardCharsets.UTF_8), alice.token()),
        400);
    // When the body is over the 64 KB limit, Then 413
    assertProblem(platform.post(aliceJobs, "image/png", new byte[65 * 1024], alice.token()), 413);
    // When a multipart part is not an image, Then 415; when it is one, Then 202 with a Location
    assertProblem(
        platform.post(
            aliceJobs, MULTIPART, multipart("text/plain", "hi".getBytes()), alice.token()),
        415);
    HttpResponse<String> multipartJob =
        platform.post(
            aliceJobs, MULTIPART, multipart("image/png", TinySplitModel.image(2)), alice.token());
    assertThat(multipartJob.statusCode()).as(multipartJob.body()).isEqualTo(202);
    assertThat(multipartJob.headers().firstValue("Location"))
        .hasValue("/api/v1/jobs/" + platform.read(multipartJob, JobAccepted.class).jobId());
    // When Bob reads Alice's job, Then 403; when anyone reads an unknown job, Then 404
    String aliceJob =
        gateway("/api/v1/jobs/" + platform.read(multipartJob, JobAccepted.class).jobId());
    assertThat(platform.get(aliceJob, alice.token()).statusCode()).isEqualTo(200);
    assertProblem(platform.get(aliceJob, bob.token()), 403);
    assertProblem(platform.get(gateway("/api/v1/jobs/" + UUID.randomUUID()), bob.token()), 404);
    // When Bob reports state for Alice, Then 403
    assertProblem(
        platform.putJson(
            gateway("/api/v1/ues/" + alice.ue().ueId() + "/state"),
            "{\"tasksQueued\":1}",
            bob.token()),
        403);
    // When a token is forged, Then 401
    assertProblem(
        platform.get(gateway("/api/v1/ues/" + alice.ue().ueId()), alice.token() + "x"), 401);
    // When an operator switches the policy to a negative or infinite energy weight, Then 400
    for (String beta : List.of("-1", "1e999")) {
      assertProblem(
          platform.putJson(
              orchestrator("/api/v1/policy"),
              "{\"spec\":\"local\",\"beta\":" + beta + "}",
              platform.adminToken),
          400);
    }
  }

  @Test
  void shouldFailAndDeadLetterFeaturesWithWrongShapeOrCodecOrGarbage() {
    UeRegistration ue = ues.get(2);
    switchPolicyAndAwaitDecisions(2);
    QuantisedFeature valid = directFeature(2, TinySplitModel.image(7));
    int[] shape = valid.shape();

    // Given a feature with a wrong shape and one made by another codec, posted by the UE itself
    QuantisedFeature wrongShape =
        new QuantisedFeature(
            valid.modelId(),
            2,
            valid.codecId(),
            valid.codecVersion(),
            new int[] {shape[0], shape[1] / 2, shape[2]},
            valid.bits(),
            valid.min(),
            valid.max(),
            new byte[shape[0] * (shape[1] / 2) * shape[2]]);
    QuantisedFeature wrongCodec =
        new QuantisedFeature(
            valid.modelId(),
            2,
            "another-codec/p2",
            valid.codecVersion(),
            shape,
            valid.bits(),
            valid.min(),
            valid.max(),
            valid.packed());

    // When they are submitted
    String shapeJob = postFeature(ue, FeatureWire.write(wrongShape));
    String codecJob = postFeature(ue, FeatureWire.write(wrongCodec));
    // and a message nobody can read arrives on coinfer.features for a job
    String garbageJob = UUID.randomUUID().toString();
    produce(
        Topics.FEATURES, ue.ue().ueId(), "{garbage".getBytes(StandardCharsets.UTF_8), garbageJob);

    // Then each job fails naming the reason, and each message is on the dead-letter topic
    assertThat(awaitTerminal(shapeJob, ue.token()).result())
        .extracting(ResultEvent::status, ResultEvent::reason)
        .containsExactly(JobStatus.FAILED, FailureReason.WRONG_SHAPE);
    assertThat(awaitTerminal(codecJob, ue.token()).result())
        .extracting(ResultEvent::status, ResultEvent::reason)
        .containsExactly(JobStatus.FAILED, FailureReason.UNKNOWN_CODEC);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(resultsOf(garbageJob))
                    .singleElement()
                    .extracting(ResultEvent::reason)
                    .isEqualTo(FailureReason.MALFORMED_EVENT));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(deadLetteredFeatureJobs()).contains(shapeJob, codecJob, garbageJob));

    // And the consumer goes on: a valid job after them completes
    UeRegistration other = ues.get(3);
    HttpResponse<String> after =
        platform.post(
            gateway("/api/v1/ues/" + other.ue().ueId() + "/jobs?wait=20s"),
            "image/png",
            TinySplitModel.image(8),
            other.token());
    assertThat(platform.read(after, JobView.class).status()).isEqualTo(JobStatus.DONE);
  }

  @Test
  void shouldLetInOnlyAuthenticatedTrafficAndShowTheActuatorOnlyOnTheManagementPort() {
    SecurityRules.check(
        platform,
        ues.get(0),
        List.of(
            platform.context(Platform.Service.GATEWAY),
            platform.context(Platform.Service.ORCHESTRATOR),
            platform.context(Platform.Service.COMPRESSION),
            platform.context(Platform.Service.INFERENCE)));
  }

  @Test
  void shouldAnswerTheBadInputCatalogueAndLoseNoJob() {
    UeRegistration ue = ues.get(2);
    String jobs = gateway("/api/v1/ues/" + ue.ue().ueId() + "/jobs");
    // When a PNG is cut in half, or JSON is posted as a job, Then 400 and 415 and no job
    byte[] png = TinySplitModel.image(12);
    HttpResponse<String> truncated =
        platform.post(jobs, "image/png", java.util.Arrays.copyOf(png, png.length / 2), ue.token());
    assertProblem(truncated, 400);
    assertThat(truncated.body())
        .contains("the image data is truncated or corrupt: Error reading PNG image data");
    assertProblem(
        platform.post(
            jobs, "application/json", "{\"image\":1}".getBytes(StandardCharsets.UTF_8), ue.token()),
        415);
    // When a UE reports its own compute time as Infinity with a feature, Then 400
    HttpResponse<String> infinite =
        platform.post(
            gateway("/api/v1/ues/" + ue.ue().ueId() + "/features?point=2&computeS=Infinity"),
            "application/vnd.coinfer.feature",
            new byte[] {1},
            ue.token());
    assertProblem(infinite, 400);
    assertThat(infinite.body())
        .contains("computeS, computeJ, transmitS and transmitJ must be finite");

    // Given features with a NaN min, an infinite max, the next codec version, wire format version
    // 2, and a finite range so wide (+-3e38) that the tail overflows
    switchPolicyAndAwaitDecisions(2);
    QuantisedFeature valid = directFeature(2, TinySplitModel.image(13));
    byte[] format2 = FeatureWire.write(valid);
    format2[5] = 2;
    String nanJob = postFeature(ue, FeatureWire.write(withRange(valid, Float.NaN, valid.max())));
    String infJob =
        postFeature(ue, FeatureWire.write(withRange(valid, valid.min(), Float.POSITIVE_INFINITY)));
    String versionJob =
        postFeature(
            ue,
            FeatureWire.write(
                new QuantisedFeature(
                    valid.modelId(),
                    2,
                    valid.codecId(),
                    valid.codecVersion() + 1,
                    valid.shape(),
                    valid.bits(),
                    valid.min(),
                    valid.max(),
                    valid.packed())));
    String formatJob = postFeature(ue, format2);
    String overflowJob = postFeature(ue, FeatureWire.write(withRange(valid, -3e38f, 3e38f)));

    // Then every job ends in exactly one failed result naming its reason
    Map<String, FailureReason> expected =
        Map.of(
            nanJob, FailureReason.NON_FINITE_VALUES,
            infJob, FailureReason.NON_FINITE_VALUES,
            versionJob, FailureReason.UNKNOWN_CODEC,
            formatJob, FailureReason.BAD_WIRE_FORMAT,
            overflowJob, FailureReason.NON_FINITE_VALUES);
    expected.forEach(
        (job, reason) ->
            assertThat(awaitTerminal(job, ue.token()).result())
                .as(job)
                .extracting(ResultEvent::status, ResultEvent::reason)
                .containsExactly(JobStatus.FAILED, reason));
    expected.keySet().forEach(job -> assertThat(resultsOf(job)).as(job).hasSize(1));
    // And the four that broke the wire format are on the dead-letter topic; the overflowing one was
    // a valid message and is not
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(deadLetteredFeatureJobs())
                    .contains(nanJob, infJob, versionJob, formatJob)
                    .doesNotContain(overflowJob));
  }

  private static QuantisedFeature withRange(QuantisedFeature f, float min, float max) {
    return new QuantisedFeature(
        f.modelId(),
        f.point(),
        f.codecId(),
        f.codecVersion(),
        f.shape(),
        f.bits(),
        min,
        max,
        f.packed());
  }

  @Test
  void shouldTrainANewCodecVersionWithoutTouchingTheServedOne() throws IOException {
    // When a codec training job for point 1 is started (two minibatches of synthetic shapes)
    HttpResponse<String> started =
        platform.post(
            Platform.url(platform.context(Platform.Service.COMPRESSION), "/api/v1/codecs/training"),
            "application/json",
            ("{\"net\":\"resnet18\",\"point\":1,\"epochs\":1,\"maxBatchesPerEpoch\":2,"
                    + "\"imagesPerClass\":4,\"gamma\":0,\"seed\":1}")
                .getBytes(StandardCharsets.UTF_8),
            platform.adminToken);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();

    // Then it finishes with codec version 2 in the staging folder, and version 1 is still served
    CodecTrainingView[] job = new CodecTrainingView[1];
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              job[0] =
                  platform.read(
                      platform.get(
                          Platform.url(platform.context(Platform.Service.COMPRESSION), location),
                          platform.adminToken),
                      CodecTrainingView.class);
              return job[0].status().equals("DONE") || job[0].status().equals("FAILED");
            });
    assertThat(job[0].status()).as(job[0].error()).isEqualTo("DONE");
    assertThat(job[0].codecVersion()).isEqualTo(2);
    assertThat(job[0].epochs())
        .singleElement()
        .satisfies(e -> assertThat(e.trainLoss()).isFinite());
    try (FeatureCodec trained =
        ModelStore.openCodecAt(ModelStore.codecDir(Path.of(job[0].outputDir()), 1))) {
      assertThat(trained.descriptor().codecVersion()).isEqualTo(2);
    }
    assertThat(direct.descriptor(1).codecVersion()).isEqualTo(1);
    List<CodecView> served =
        List.of(
            platform.read(
                platform.get(
                    Platform.url(platform.context(Platform.Service.COMPRESSION), "/api/v1/codecs"),
                    platform.adminToken),
                CodecView[].class));
    assertThat(served)
        .filteredOn(c -> c.point() == 1)
        .extracting(CodecView::codecVersion)
        .containsExactly(1);
  }

  @Test
  void shouldImportAModelPackageOnceAndRefuseBadOnes() throws IOException {
    String models = Platform.url(platform.context(Platform.Service.COMPRESSION), "/api/v1/models");
    byte[] pkg = zip(tmp.resolve("model"), null);

    // When the tiny model is imported as a zip package
    HttpResponse<String> imported =
        platform.post(models, "application/zip", pkg, platform.adminToken);

    // Then it lands in the store with its four codecs; a second import conflicts
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(List.of(platform.read(imported, CodecView[].class)))
        .extracting(CodecView::point)
        .containsExactly(1, 2, 3, 4);
    assertThat(tmp.resolve("store/models/resnet18-tiny-32/manifest.json")).exists();
    assertProblem(platform.post(models, "application/zip", pkg, platform.adminToken), 409);
    // and a package that escapes its folder, or that is not a zip, is refused
    assertProblem(
        platform.post(
            models, "application/zip", zip(tmp.resolve("model"), "../escape"), platform.adminToken),
        400);
    assertProblem(
        platform.post(
            models,
            "application/zip",
            "no zip".getBytes(StandardCharsets.UTF_8),
            platform.adminToken),
        400);
  }

  private static byte[] zip(Path dir, String extraEntry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        Stream<Path> files = Files.walk(dir)) {
      if (extraEntry != null) {
        zip.putNextEntry(new ZipEntry(extraEntry));
        zip.write(1);
        zip.closeEntry();
      }
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void shouldStopDecidingForADeregisteredUe() {
    // Given a sixth UE that the orchestrator decides for
    HttpResponse<String> registered =
        platform.post(
            gateway("/api/v1/ues"),
            "application/json",
            "{\"net\":\"resnet18\",\"deviceProfile\":\"jetson-nano\",\"distanceM\":30,\"pmaxW\":1}"
                .getBytes(StandardCharsets.UTF_8),
            null);
    UeRegistration extra = platform.read(registered, UeRegistration.class);
    String decisions = orchestrator("/api/v1/decisions?ueId=" + extra.ue().ueId());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> platform.get(decisions, platform.adminToken).body().contains(extra.ue().ueId()));

    // When an admin deregisters it (a tombstone on the compacted coinfer.ue-state); the UE's own
    // token may not
    java.net.http.HttpRequest.Builder delete =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(gateway("/api/v1/ues/" + extra.ue().ueId())))
            .DELETE();
    assertProblem(platform.send(delete.header("Authorization", "Bearer " + extra.token())), 403);
    HttpResponse<String> deleted =
        platform.send(delete.setHeader("Authorization", "Bearer " + platform.adminToken));

    // Then the gateway forgets it and the orchestrator stops deciding for it
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertProblem(platform.get(gateway("/api/v1/ues/" + extra.ue().ueId()), extra.token()), 404);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> platform.get(decisions, platform.adminToken).body().equals("[]"));
  }

  @Test
  void shouldProduceOneResultForAJobDeliveredTwice() {
    // Given a job published twice to coinfer.jobs (an at-least-once redelivery)
    UeRegistration ue = ues.get(4);
    String jobId = UUID.randomUUID().toString();
    JobEvent job =
        new JobEvent(
            Event.SCHEMA_VERSION,
            jobId,
            ue.ue().ueId(),
            "resnet18",
            "jetson-nano",
            ue.ue().distanceM(),
            1.0,
            "image/png",
            TinySplitModel.image(9),
            Instant.now(),
            null);
    byte[] json = platform.json.writeValueAsBytes(job);

    // When both copies are delivered
    produce(Topics.JOBS, ue.ue().ueId(), json, jobId);
    produce(Topics.JOBS, ue.ue().ueId(), json, jobId);

    // Then exactly one result appears, and stays the only one
    await().atMost(Duration.ofSeconds(30)).until(() -> resultsOf(jobId).size() == 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> resultsOf(jobId).size() == 1);
  }

  @Test
  void shouldCountAJobAsAStateReportOfAUeThatNeverReportedOrWasQuietLongerThanTheSetting() {
    // Given a UE that registered (no task queued) and never reports itself
    UeRegistration ue = platform.registerUe(30);
    try {
      UeView registered = view(ue);

      // When it submits a job at once, another right after, and a third once it has been quiet
      // for 1.5 s (the platform's report-on-job-after is 1 s)
      String first = submit(ue, 5);
      UeView afterFirst = view(ue);
      String second = submit(ue, 6);
      UeView afterSecond = view(ue);
      Instant quietUntil = afterSecond.lastReportAt().plusMillis(1500);
      await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(quietUntil));
      String third = submit(ue, 7);
      UeView afterThird = view(ue);

      // Then the first job counts as a report (the registration said no task was queued), the
      // second does not (the UE just reported), the third does (quiet longer than the setting),
      // each of 1 task queued; and every job completes
      assertThat(registered.tasksQueued()).isZero();
      assertThat(afterFirst.tasksQueued()).isEqualTo(1);
      assertThat(afterFirst.lastReportAt()).isAfterOrEqualTo(registered.lastReportAt());
      assertThat(afterSecond).isEqualTo(afterFirst);
      assertThat(afterThird.tasksQueued()).isEqualTo(1);
      assertThat(afterThird.lastReportAt())
          .isAfterOrEqualTo(afterFirst.lastReportAt().plusSeconds(1));
      for (String jobId : List.of(first, second, third)) {
        assertThat(awaitTerminal(jobId, ue.token()).status()).isEqualTo(JobStatus.DONE);
      }
    } finally {
      // the other tests count five UEs
      platform.send(
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(gateway("/api/v1/ues/" + ue.ue().ueId())))
              .DELETE()
              .header("Authorization", "Bearer " + platform.adminToken));
    }
  }

  private static UeView view(UeRegistration ue) {
    return platform.read(
        platform.get(gateway("/api/v1/ues/" + ue.ue().ueId()), ue.token()), UeView.class);
  }

  private static String submit(UeRegistration ue, int image) {
    return platform
        .read(
            platform.post(
                gateway("/api/v1/ues/" + ue.ue().ueId() + "/jobs"),
                "image/png",
                TinySplitModel.image(image),
                ue.token()),
            JobAccepted.class)
        .jobId();
  }

  @Test
  void shouldRunAJobUnderTheDecisionItCarriesWhenCompressionServiceHasNoneYet() {
    // Given a job of a UE whose decisions compression-service has never read (a first decision
    // still on its way through coinfer.decisions), carrying the decision the gateway held
    String ueId = "ue-" + UUID.randomUUID();
    String jobId = UUID.randomUUID().toString();
    DecisionEvent carried =
        new DecisionEvent(
            Event.SCHEMA_VERSION,
            ueId,
            0,
            2,
            1,
            POWER_W,
            "carried",
            "v1",
            DecisionSource.POLICY,
            Instant.now());
    JobEvent job =
        new JobEvent(
            Event.SCHEMA_VERSION,
            jobId,
            ueId,
            "resnet18",
            "jetson-nano",
            40,
            1.0,
            "image/png",
            TinySplitModel.image(3),
            Instant.now(),
            carried);

    // When it is delivered
    produce(Topics.JOBS, ueId, platform.json.writeValueAsBytes(job), jobId);

    // Then it runs at the carried point and names that decision, not the fallback
    await().atMost(Duration.ofSeconds(30)).until(() -> resultsOf(jobId).size() == 1);
    ResultEvent result = resultsOf(jobId).get(0);
    assertThat(result.status()).as(result.detail()).isEqualTo(JobStatus.DONE);
    assertThat(result.decision())
        .extracting(DecisionRef::point, DecisionRef::policyId, DecisionRef::source)
        .containsExactly(2, "carried", DecisionSource.POLICY);
  }

  // ---- helpers

  /** Every UE reports its state (so none is stale), then the policy switches to the point. */
  private static void switchPolicyAndAwaitDecisions(int point) {
    for (UeRegistration ue : ues) {
      HttpResponse<String> reported =
          platform.putJson(
              gateway("/api/v1/ues/" + ue.ue().ueId() + "/state"),
              "{\"tasksQueued\":1}",
              ue.token());
      assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
    }
    String spec = "fixed:" + point + ":" + POWER_W;
    HttpResponse<String> switched =
        platform.putJson(
            orchestrator("/api/v1/policy"), "{\"spec\":\"" + spec + "\"}", platform.adminToken);
    assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
    // every UE's decision at the new point, then one more slot so that every consumer has it
    platform.awaitDecisions(ues, spec, Duration.ofSeconds(30));
  }

  private static JobView awaitTerminal(String jobId, String token) {
    JobView[] view = new JobView[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              view[0] =
                  platform.read(
                      platform.get(gateway("/api/v1/jobs/" + jobId), token), JobView.class);
              return view[0].status() != JobStatus.PENDING;
            });
    return view[0];
  }

  private static String postFeature(UeRegistration ue, byte[] payload) {
    HttpResponse<String> response =
        platform.post(
            gateway("/api/v1/ues/" + ue.ue().ueId() + "/features?point=2"),
            "application/vnd.coinfer.feature",
            payload,
            ue.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return platform.read(response, JobAccepted.class).jobId();
  }

  private static final String BOUNDARY = "coinfer-test-boundary";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  private static byte[] multipart(String partType, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x\"\r\n"
            + "Content-Type: "
            + partType
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status);
  }

  /** mec-core's slot simulator run for one UE with one task under the same decision. */
  private static void assertSystemModelCost(ResultEvent result, double distanceM) {
    ScenarioConfig cfg = ScenarioConfig.paperDefaults(Net.RESNET18, 1, UES);
    MecEnvironment env = new MecEnvironment(cfg, Scenario.TEST);
    Action action =
        new Action(
            result.decision().point(), result.decision().subChannel(), result.decision().powerW());
    env.reset(new EpisodeSetup(new double[] {distanceM}, new int[] {1}, new Action[] {action}));
    while (!env.done()) {
      env.step(new Action[] {action});
    }
    UeAccounting accounting = result.accounting();
    assertThat(accounting.latencyS()).isCloseTo(env.taskLatencies()[0], within(1e-6));
    assertThat(accounting.energyJ()).isCloseTo(env.episodeEnergy(), within(1e-6));
    assertThat(result.modelLatencyS()).isCloseTo(env.taskLatencies()[0], within(1e-6));
  }

  private static QuantisedFeature directFeature(int point, byte[] png) {
    return direct.encode(point, List.of(TinySplitModel.chw(png))).get(0);
  }

  private static void produce(String topic, String key, byte[] value, String jobId) {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            platform.broker.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
      record.headers().add(EventMessages.JOB_ID_HEADER, jobId.getBytes(StandardCharsets.UTF_8));
      producer.send(record);
      producer.flush();
    }
  }

  private static List<ResultEvent> resultsOf(String jobId) {
    return platform.records(Topics.RESULTS).stream()
        .filter(r -> jobId.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .map(r -> platform.json.readValue(r.value(), ResultEvent.class))
        .toList();
  }

  /** The job ids of the messages on inference-service's dead-letter topic of features. */
  private static List<String> deadLetteredFeatureJobs() {
    return platform.records(Topics.deadLetter(Topics.FEATURES, "inference")).stream()
        .map(PlatformEndToEndTest::jobIdHeader)
        .toList();
  }

  private static String jobIdHeader(ConsumerRecord<byte[], byte[]> record) {
    var header = record.headers().lastHeader(EventMessages.JOB_ID_HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String gateway(String path) {
    return Platform.url(platform.context(Platform.Service.GATEWAY), path);
  }

  private static String orchestrator(String path) {
    return Platform.url(platform.context(Platform.Service.ORCHESTRATOR), path);
  }
}
