package io.coinfer.cli.bench;

import io.coinfer.contracts.Topics;
import io.coinfer.contracts.messaging.EventMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a running platform's {@code coinfer.jobs}, {@code coinfer.features} and {@code
 * coinfer.results} from their ends, outside any consumer group, and keeps per job (by the {@code
 * coinfer_job_id} header) the three records' {@code CreateTime}, its acceptance time and its result
 * timings, for a {@link HopSplit}. One thread, started by {@link #start} and ended by {@link
 * #stop}.
 */
final class HopRecorder {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, double[]> seen = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  private HopRecorder(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(p);
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.JOBS, Topics.FEATURES, Topics.RESULTS)) {
      consumer
          .partitionsFor(topic)
          .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before the run's records
    this.thread = new Thread(this::run, "hop-recorder");
    thread.setDaemon(true);
  }

  /**
   * Starts recording from the topics' current ends.
   *
   * @param bootstrapServers the platform's broker
   * @return the running recorder
   */
  static HopRecorder start(String bootstrapServers) {
    HopRecorder recorder = new HopRecorder(bootstrapServers);
    recorder.thread.start();
    return recorder;
  }

  /**
   * Stops recording and splits the jobs whose three records and result timings it saw.
   *
   * @return the split
   */
  HopSplit stop() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<HopSplit.Job> jobs = new ArrayList<>();
    for (double[] t : seen.values()) {
      if (t[0] > 0 && t[1] > 0 && t[2] > 0 && t[3] > 0 && t[4] >= 0) {
        jobs.add(new HopSplit.Job(t[0], t[1], t[2], t[3], t[4], t[5], t[6]));
      }
    }
    return HopSplit.of(jobs);
  }

  private void run() {
    try (consumer) {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          record(r);
        }
      }
    }
  }

  /** Slots: accepted, job sent, feature sent, result sent, head, queue wait, tail (ms). */
  private void record(ConsumerRecord<byte[], byte[]> r) {
    Header id = r.headers().lastHeader(EventMessages.JOB_ID_HEADER);
    if (id == null || r.value() == null) {
      return;
    }
    double[] t =
        seen.computeIfAbsent(
            new String(id.value(), StandardCharsets.UTF_8),
            k -> new double[] {0, 0, 0, 0, -1, 0, 0});
    switch (r.topic()) {
      case Topics.JOBS -> {
        t[1] = r.timestamp();
        JsonNode submitted = JSON.readTree(r.value()).path("submittedAt");
        t[0] = submitted.isString() ? Instant.parse(submitted.asString()).toEpochMilli() : 0;
      }
      case Topics.FEATURES -> t[2] = r.timestamp();
      default -> {
        t[3] = r.timestamp();
        JsonNode edge = JSON.readTree(r.value()).path("edge");
        t[4] = edge.path("headS").asDouble(0) * 1000;
        t[5] = edge.path("queueWaitS").asDouble(0) * 1000;
        t[6] = edge.path("tailS").asDouble(0) * 1000;
      }
    }
  }
}
