package io.coinfer.cli.bench;

import io.coinfer.contracts.Topics;
import io.coinfer.contracts.events.JobEvent;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.messaging.EventJson;
import io.coinfer.contracts.messaging.EventMessages;
import io.coinfer.contracts.messaging.InvalidEventException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * Reads a running platform's {@code coinfer.jobs}, {@code coinfer.features} and {@code
 * coinfer.results} from their ends, outside any consumer group, and keeps per job (by the {@code
 * coinfer_job_id} header) the three records' {@code CreateTime}, its acceptance time and its result
 * timings, for a {@link HopSplit}. One thread, started by {@link #start} and ended by {@link
 * #stop}.
 */
final class HopRecorder {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
  private final EventJson json = new EventJson(validation.getValidator());
  private final Map<String, Seen> seen = new HashMap<>();
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
    validation.close();
    List<HopSplit.Job> jobs = new ArrayList<>();
    for (Seen s : seen.values()) {
      if (s.job != null && s.featureSentMs > 0 && s.result != null) {
        jobs.add(
            new HopSplit.Job(
                s.job.submittedAt().toEpochMilli(),
                s.jobSentMs,
                s.featureSentMs,
                s.resultSentMs,
                s.result.edge().headS() * 1000,
                s.result.edge().queueWaitS() * 1000,
                s.result.edge().tailS() * 1000));
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

  private void record(ConsumerRecord<byte[], byte[]> r) {
    Header id = r.headers().lastHeader(EventMessages.JOB_ID_HEADER);
    if (id == null || r.value() == null) {
      return;
    }
    Seen s = seen.computeIfAbsent(new String(id.value(), StandardCharsets.UTF_8), k -> new Seen());
    try {
      switch (r.topic()) {
        case Topics.JOBS -> {
          s.jobSentMs = r.timestamp();
          s.job = json.read(r.value(), JobEvent.class);
        }
        case Topics.FEATURES -> s.featureSentMs = r.timestamp();
        default -> {
          s.resultSentMs = r.timestamp();
          s.result = json.read(r.value(), ResultEvent.class);
        }
      }
    } catch (InvalidEventException e) {
      // a record the platform dead-letters is no job of the split
    }
  }

  /** One job's records as seen so far: their {@code CreateTime}s (ms) and the events read. */
  private static final class Seen {
    JobEvent job;
    long jobSentMs;
    long featureSentMs;
    long resultSentMs;
    ResultEvent result;
  }
}
