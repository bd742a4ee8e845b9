package io.coinfer.orchestrator.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The orchestrator's settings, under {@code coinfer.orchestrator}.
 *
 * @param slot the slot clock
 * @param policy the active and fallback policies
 * @param radio the system the schedulers are created for
 */
@ConfigurationProperties("coinfer.orchestrator")
public record OrchestratorSettings(
    @DefaultValue Slot slot, @DefaultValue Policy policy, @DefaultValue Radio radio) {

  /**
   * The slot clock.
   *
   * @param length the slot length T; default 500 ms (the paper's 0.5 s)
   * @param staleAfter a UE whose last state report is older than this gets the fallback policy;
   *     default 30 s
   * @param heartbeatSlots a UE's decision is published when it changes, and otherwise once every
   *     this many slots (&ge; 1; 1 publishes every decision of every slot); keep it well below
   *     compression-service's {@code coinfer.compression.decisions.keep-slots} (default 10), after
   *     which a UE's last decision is stale; default 4 (2 s at 500 ms)
   */
  public record Slot(
      @DefaultValue("500ms") Duration length,
      @DefaultValue("30s") Duration staleAfter,
      @DefaultValue("4") int heartbeatSlots) {}

  /**
   * Policies.
   *
   * @param active the spec of the policy active at start (mec-core {@code Schedulers}: {@code
   *     local}, {@code edge}, {@code fixed:<point>:<power>}, {@code random}, {@code greedy}, {@code
   *     static-search}, {@code mahppo[:<checkpoint>]}); default {@code local}
   * @param fallback the spec for UEs without fresh state, and for fleets a policy cannot serve;
   *     default {@code local}
   * @param seed the seed of randomised policies; default 0
   * @param beta the energy weight the policies schedule for, in seconds per joule (the objective is
   *     latency + beta x energy per task): {@code static-search} and planning MAHPPO policies
   *     minimise it, a beta-conditioned MAHPPO checkpoint reads it and refuses one outside its
   *     trained range; at least 0 (0: latency alone); the starting one, {@code PUT /api/v1/policy}
   *     switches it; default 1 (the paper's)
   */
  public record Policy(
      @DefaultValue("local") String active,
      @DefaultValue("local") String fallback,
      @DefaultValue("0") long seed,
      @DefaultValue("1.0") double beta) {}

  /**
   * The radio system of the schedulers (the paper's values are the defaults).
   *
   * @param channels uplink sub-channels C; default 2
   * @param pmaxW the largest transmit power a policy may decide, watts; default 1 (a UE's own pmax
   *     caps it further)
   * @param dminM the smallest distance of the state normalisation, metres; default 1
   * @param dmaxM the largest distance of the state normalisation, metres; default 100
   */
  public record Radio(
      @DefaultValue("2") int channels,
      @DefaultValue("1.0") double pmaxW,
      @DefaultValue("1.0") double dminM,
      @DefaultValue("100.0") double dmaxM) {}
}
