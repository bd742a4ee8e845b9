package io.coinfer.compression.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The compression-service's settings, under {@code coinfer.compression}.
 *
 * @param models the split models served
 * @param radio the uplink of mec-core's radio model (the paper's values are the defaults)
 * @param profilesDir a folder of extra device profiles, {@code <name>.csv} in mec-core's profile
 *     format; empty (default): only the built-in {@code jetson-nano}
 * @param dedupWindow how many recent job ids are remembered to drop duplicates; default 100,000
 * @param decisions how long a UE's last decision is kept when no newer one arrives
 */
@ConfigurationProperties("coinfer.compression")
public record CompressionSettings(
    @DefaultValue Models models,
    @DefaultValue Radio radio,
    @DefaultValue("") String profilesDir,
    @DefaultValue("100000") int dedupWindow,
    @DefaultValue Decisions decisions) {

  /**
   * The split models.
   *
   * @param home the splitnn model store; empty (default): {@code $COINFER_HOME} or {@code
   *     ~/.coinfer}
   * @param byNet the model (an id in the store, or a folder) of each net, e.g. {@code resnet18:
   *     resnet18-synthetic-64}; default none, and a job of a net without a model fails with {@code
   *     UNKNOWN_MODEL}
   * @param maxPackageSize the largest model package {@code POST /api/v1/models} accepts, bytes (it
   *     may unpack to four times this); default 512 MB
   */
  public record Models(
      @DefaultValue("") String home,
      @DefaultValue Map<String, String> byNet,
      @DefaultValue("512MB") DataSize maxPackageSize) {}

  /**
   * The uplink.
   *
   * @param bandwidthHz bandwidth of one sub-channel, Hz; default 1e6
   * @param pathLossExponent alpha; default 3
   * @param noiseW noise power, watts; default 1e-9
   */
  public record Radio(
      @DefaultValue("1e6") double bandwidthHz,
      @DefaultValue("3.0") double pathLossExponent,
      @DefaultValue("1e-9") double noiseW) {}

  /**
   * Decision staleness. A job runs with its UE's latest decision while that decision's slot started
   * at most {@code keepSlots} slots ago; after that (the orchestrator is down or late) it runs with
   * the fallback, the paper's initial action (point 5), and says so ({@code
   * FALLBACK_STALE_DECISION}); the next decision that arrives is used again. The orchestrator
   * publishes an unchanged decision again every {@code coinfer.orchestrator.slot.heartbeat-slots}
   * slots (default 4), each with its own slot, so {@code keepSlots} must be above that: the
   * difference is how late a decision may arrive before a running orchestrator's UE falls back.
   *
   * @param slotLength the orchestrator's slot length ({@code coinfer.orchestrator.slot.length});
   *     default 500 ms
   * @param keepSlots how many slots a decision is kept; default 10 (5 s at 500 ms)
   */
  public record Decisions(
      @DefaultValue("500ms") Duration slotLength, @DefaultValue("10") int keepSlots) {

    /** Checks the values. */
    public Decisions {
      if (slotLength.isNegative() || slotLength.isZero()) {
        throw new IllegalArgumentException("slot-length must be > 0, was " + slotLength);
      }
      if (keepSlots < 1) {
        throw new IllegalArgumentException("keep-slots must be >= 1, was " + keepSlots);
      }
    }

    /**
     * @return how long a decision is kept: {@code keepSlots} slot lengths
     */
    public Duration keep() {
      return slotLength.multipliedBy(keepSlots);
    }
  }
}
