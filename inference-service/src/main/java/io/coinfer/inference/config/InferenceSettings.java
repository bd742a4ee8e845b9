package io.coinfer.inference.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inference-service's settings, under {@code coinfer.inference}.
 *
 * @param models the split models served
 * @param batching dynamic micro-batching of the tail
 * @param dedupWindow how many recent job ids are remembered to drop duplicates; default 100,000
 */
@ConfigurationProperties("coinfer.inference")
public record InferenceSettings(
    @DefaultValue Models models,
    @DefaultValue Batching batching,
    @DefaultValue("100000") int dedupWindow) {

  /**
   * The split models.
   *
   * @param home the splitnn model store; empty (default): {@code $COINFER_HOME} or {@code
   *     ~/.coinfer}
   * @param byNet the model (an id in the store, or a folder) of each net; default none, and a
   *     feature of a net without a model is rejected with {@code UNKNOWN_MODEL}
   */
  public record Models(@DefaultValue("") String home, @DefaultValue Map<String, String> byNet) {}

  /**
   * Micro-batching.
   *
   * @param maxBatchSize the most features one tail call takes; default 8
   * @param maxWait the longest the first feature of a batch waits for more; default 0: a batch is
   *     what is queued when the tail is free, so a lone feature runs at once and a backlog that
   *     formed while the tail ran makes a full batch (any wait adds to every job's latency at low
   *     load)
   * @param queueCapacity features waiting for the tail at most; when full, the consumer blocks
   *     (back-pressure on the partition); default 1024
   */
  public record Batching(
      @DefaultValue("8") int maxBatchSize,
      @DefaultValue("0ms") Duration maxWait,
      @DefaultValue("1024") int queueCapacity) {}
}
