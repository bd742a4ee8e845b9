package io.coinfer.orchestrator.policy;

import io.coinfer.contracts.api.PolicyView;
import io.coinfer.contracts.web.Problems;
import io.coinfer.mec.profile.DeviceProfiles;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.Schedulers;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.orchestrator.config.OrchestratorSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The active and the fallback policy, and the mec-core schedulers built for them per net and fleet
 * size. A switch takes effect at the next slot; the schedulers are built on the slot thread only
 * (they are not thread-safe) and cached until the next switch.
 */
@Service
public class PolicyRegistry {

  /** Fleet sizes tried to check that a new spec can be built at all. */
  private static final int[] PROBE_UES = {1, 2, 3, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100};

  private final OrchestratorSettings settings;
  private final PolicySpec fallback;
  private volatile PolicySpec active;
  private final Map<String, Optional<Scheduler>> cache = new HashMap<>();
  private PolicySpec cachedFor;

  /**
   * A registry with the configured policies; both specs are checked at start.
   *
   * @param settings the orchestrator settings
   */
  public PolicyRegistry(OrchestratorSettings settings) {
    this.settings = settings;
    this.fallback = check(settings.policy().fallback());
    if (!PolicySpec.BUILTIN.equals(fallback.version())) {
      throw new IllegalStateException(
          "the fallback policy must be a built-in baseline (it serves any fleet), was "
              + fallback.spec());
    }
    this.active = check(settings.policy().active());
  }

  /**
   * Switches the active policy.
   *
   * @param spec the new spec
   * @return the new active policy
   * @throws org.springframework.web.ErrorResponseException 400 for a spec mec-core cannot build
   */
  public PolicyView switchTo(String spec) {
    active = check(spec);
    return view();
  }

  /**
   * The policies.
   *
   * @return the active and fallback policy
   */
  public PolicyView view() {
    PolicySpec now = active;
    return new PolicyView(now.spec(), now.id(), now.version(), fallback.spec());
  }

  /**
   * The active policy.
   *
   * @return its spec, id and version
   */
  public PolicySpec active() {
    return active;
  }

  /**
   * The fallback policy.
   *
   * @return its spec, id and version
   */
  public PolicySpec fallback() {
    return fallback;
  }

  /**
   * The scheduler of a policy for a fleet of one net; call from the slot thread only.
   *
   * @param policy the policy
   * @param net the net of the fleet
   * @param ues the fleet size
   * @return the scheduler, or empty if the policy cannot serve this fleet
   */
  public Optional<Scheduler> scheduler(PolicySpec policy, Net net, int ues) {
    PolicySpec current = active;
    if (cachedFor != current) {
      cache.clear();
      cachedFor = current;
    }
    return cache.computeIfAbsent(
        policy.spec() + '|' + net + '|' + ues, k -> build(policy.spec(), net, ues));
  }

  /**
   * The system a scheduler is built for.
   *
   * @param net the net
   * @param ues the fleet size
   * @return the configuration (the paper's radio, the configured channels, pmax, distances and
   *     beta)
   */
  public ScenarioConfig config(Net net, int ues) {
    OrchestratorSettings.Radio radio = settings.radio();
    return new ScenarioConfig(
        net,
        ues,
        radio.channels(),
        200,
        settings.slot().length().toNanos() / 1e9,
        settings.policy().beta(),
        1e6,
        3.0,
        1e-9,
        radio.pmaxW(),
        radio.dminM(),
        radio.dmaxM(),
        false,
        DeviceProfiles.jetsonNano());
  }

  private Optional<Scheduler> build(String spec, Net net, int ues) {
    try {
      return Optional.of(Schedulers.create(spec, config(net, ues), settings.policy().seed()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private PolicySpec check(String spec) {
    IllegalArgumentException first = null;
    for (int ues : PROBE_UES) {
      try {
        Schedulers.create(spec, config(Net.RESNET18, ues), settings.policy().seed());
        return PolicySpec.of(spec);
      } catch (IllegalArgumentException e) {
        first = first == null ? e : first;
      }
    }
    throw Problems.badRequest("policy '" + spec + "' cannot be built: " + first.getMessage());
  }
}
