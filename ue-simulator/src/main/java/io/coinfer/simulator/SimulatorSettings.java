package io.coinfer.simulator;

import io.coinfer.mec.profile.Net;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of a simulated fleet.
 *
 * @param gateway the gateway's base URI, e.g. {@code http://127.0.0.1:8080}
 * @param ues number of simulated UEs (&ge; 1)
 * @param ratePerUe mean job arrival rate of each UE, jobs per second (&gt; 0); arrivals are Poisson
 * @param duration how long jobs arrive; the run then waits up to {@code grace} for jobs in flight
 * @param seed the seed of positions, arrival times and image choice: the same seed gives the same
 *     fleet and the same job stream
 * @param net the DNN every UE runs
 * @param deviceProfile the device profile name every UE registers with, e.g. {@code jetson-nano}
 * @param pmaxW the largest transmit power of a UE, watts (&gt; 0; paper: 1)
 * @param dminM the smallest UE distance to the edge server, metres (paper: 1)
 * @param dmaxM the largest UE distance to the edge server, metres (paper: 100)
 * @param channels uplink sub-channels of the scenario (paper: 2); used for the positions draw
 * @param slot how often each UE checks whether to report its state (the orchestrator's slot, paper:
 *     500 ms): it reports when its state changed, or when {@code stateHeartbeat} passed
 * @param stateHeartbeat the longest time between two state reports of a UE whose state does not
 *     change; keep it well inside the orchestrator's {@code stale-after} (default 30 s), after
 *     which a UE gets the fallback policy
 * @param firstDecisionWait how long a UE waits, from the end of the fleet's registration, for the
 *     gateway to hold its first decision ({@code GET /api/v1/ues/{id}/decision}, asked every {@code
 *     slot}) before it submits its first job; its tasks queue meanwhile. A UE that submitted before
 *     the orchestrator decided for it would have its jobs run with compression-service's fallback
 *     (the paper's initial action, point 5). After this wait the UEs still without a decision
 *     submit anyway and the fleet logs one warning (&gt; 0)
 * @param imageSize side of the submitted PNG images, pixels (&ge; 16)
 * @param inFlightPerUe how many jobs a UE has submitted and not yet seen finish at once (1: a UE
 *     works through its tasks one after another, as in the paper)
 * @param maxQueuedPerUe how many arrived tasks a UE keeps waiting for submission at most (&ge; 1);
 *     a task that arrives to a full queue is dropped and counted as unsent
 * @param maxConcurrentRequests HTTP exchanges open at once over the whole fleet (&ge; 1)
 * @param resultWait how long one submission asks the gateway to hold the answer ({@code ?wait=});
 *     after that the UE polls
 * @param pollInterval the period of polling {@code GET /api/v1/jobs/{id}} for a job not finished
 *     within {@code resultWait}
 * @param grace how long after {@code duration} the run waits for accepted jobs to finish; a job
 *     still pending then counts as lost
 */
public record SimulatorSettings(
    URI gateway,
    int ues,
    double ratePerUe,
    Duration duration,
    long seed,
    Net net,
    String deviceProfile,
    double pmaxW,
    double dminM,
    double dmaxM,
    int channels,
    Duration slot,
    Duration stateHeartbeat,
    Duration firstDecisionWait,
    int imageSize,
    int inFlightPerUe,
    int maxQueuedPerUe,
    int maxConcurrentRequests,
    Duration resultWait,
    Duration pollInterval,
    Duration grace) {

  private static final Pattern RATE =
      Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(?:/\\s*(ms|s|min|m|h))?\\s*");
  private static final Pattern DURATION =
      Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*(ms|s|m|min|h)?\\s*");

  /** Checks every setting; the messages name the setting and its unit. */
  public SimulatorSettings {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(deviceProfile, "deviceProfile");
    requirePositive(ues, "ues");
    requirePositive(ratePerUe, "rate per UE (jobs/s)");
    requirePositive(duration, "duration");
    requirePositive(pmaxW, "pmax (W)");
    requirePositive(dminM, "dmin (m)");
    if (!(dmaxM > dminM)) {
      throw new IllegalArgumentException(
          "dmax (" + dmaxM + " m) must be greater than dmin (" + dminM + " m)");
    }
    requirePositive(channels, "channels");
    requirePositive(slot, "slot");
    requirePositive(stateHeartbeat, "state heartbeat");
    requirePositive(firstDecisionWait, "first decision wait");
    if (imageSize < 16) {
      throw new IllegalArgumentException("image size must be >= 16 pixels, got " + imageSize);
    }
    requirePositive(inFlightPerUe, "jobs in flight per UE");
    requirePositive(maxQueuedPerUe, "queued tasks per UE");
    requirePositive(maxConcurrentRequests, "concurrent requests");
    requirePositive(resultWait, "result wait");
    requirePositive(pollInterval, "poll interval");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must be >= 0, got " + grace);
    }
  }

  /**
   * The defaults for a fleet against a gateway: the paper's radio (pmax 1 W, distances 1-100 m, 2
   * sub-channels, 500 ms slots), a state heartbeat of 10 s (a third of the orchestrator's default
   * {@code stale-after}), a first decision wait of 5 s (10 slots of 500 ms), resnet18 on the Jetson
   * Nano, 64-pixel images, one job in flight and at most 1,000 queued per UE, at most 256 open
   * requests, a 10 s wait, 100 ms polls and a 30 s grace.
   *
   * @param gateway the gateway's base URI
   * @param ues number of UEs
   * @param ratePerUe jobs per second per UE
   * @param duration how long jobs arrive
   * @param seed the seed
   * @return the settings
   */
  public static SimulatorSettings defaults(
      URI gateway, int ues, double ratePerUe, Duration duration, long seed) {
    return new SimulatorSettings(
        gateway,
        ues,
        ratePerUe,
        duration,
        seed,
        Net.RESNET18,
        "jetson-nano",
        1.0,
        1.0,
        100.0,
        2,
        Duration.ofMillis(500),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        64,
        1,
        1000,
        256,
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        Duration.ofSeconds(30));
  }

  /**
   * These settings with another UE workload.
   *
   * @param otherNet the DNN the UEs run
   * @param otherSlot how often each UE reports its state
   * @param otherImageSize side of the submitted images, pixels
   * @param otherInFlightPerUe jobs a UE has in flight at once
   * @param otherGrace how long the run waits for accepted jobs after {@code duration}
   * @return the new settings
   */
  public SimulatorSettings withWorkload(
      Net otherNet,
      Duration otherSlot,
      int otherImageSize,
      int otherInFlightPerUe,
      Duration otherGrace) {
    return copy(
        otherNet, otherSlot, firstDecisionWait, otherImageSize, otherInFlightPerUe, otherGrace);
  }

  /**
   * These settings with another first decision wait.
   *
   * @param otherFirstDecisionWait how long a UE waits for its first decision before it submits
   * @return the new settings
   */
  public SimulatorSettings withFirstDecisionWait(Duration otherFirstDecisionWait) {
    return copy(net, slot, otherFirstDecisionWait, imageSize, inFlightPerUe, grace);
  }

  /** A copy with the settings the withers change, the others kept. */
  private SimulatorSettings copy(
      Net otherNet,
      Duration otherSlot,
      Duration otherFirstDecisionWait,
      int otherImageSize,
      int otherInFlightPerUe,
      Duration otherGrace) {
    return new SimulatorSettings(
        gateway,
        ues,
        ratePerUe,
        duration,
        seed,
        otherNet,
        deviceProfile,
        pmaxW,
        dminM,
        dmaxM,
        channels,
        otherSlot,
        stateHeartbeat,
        otherFirstDecisionWait,
        otherImageSize,
        otherInFlightPerUe,
        maxQueuedPerUe,
        maxConcurrentRequests,
        resultWait,
        pollInterval,
        otherGrace);
  }

  /**
   * Parses a rate such as {@code 2/s}, {@code 0.5}, {@code 30/min} or {@code 100/h}; a bare number
   * is per second.
   *
   * @param text the rate
   * @return jobs per second
   * @throws IllegalArgumentException when the text is not a positive rate
   */
  public static double parseRate(String text) {
    Matcher m = RATE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a rate: '" + text + "'; expected e.g. 2/s, 0.5/s, 30/min or 100/h");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double perSecond =
        switch (unit) {
          case "ms" -> value * 1000;
          case "s" -> value;
          case "m", "min" -> value / 60;
          default -> value / 3600;
        };
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("a rate must be > 0, got '" + text + "'");
    }
    return perSecond;
  }

  /**
   * Parses a duration such as {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1.5h}; a bare number
   * is seconds.
   *
   * @param text the duration
   * @return the duration
   * @throws IllegalArgumentException when the text is not a duration
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "'; expected e.g. 500ms, 60s, 2m or 1h");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double millis =
        switch (unit) {
          case "ms" -> value;
          case "s" -> value * 1e3;
          case "m", "min" -> value * 60e3;
          default -> value * 3600e3;
        };
    return Duration.ofNanos(Math.round(millis * 1e6));
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
    }
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
