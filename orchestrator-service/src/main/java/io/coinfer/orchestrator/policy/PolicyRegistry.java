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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The active and the fallback policy, the energy weight beta they schedule for, and the mec-core
 * schedulers built for them per net and fleet size. A switch (of the policy, of beta or of both)
 * takes effect at the next slot; the schedulers are built on the slot thread only (they are not
 * thread-safe) and cached until the next switch.
 */
@Service
public class PolicyRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyRegistry.class);

  /** Fleet sizes tried to check that a new spec can be built at all. */
  private static final int[] PROBE_UES = {1, 2, 3, 4, 5, 8, 10, 16, 20, 32, 50, 64, 100};

  /** The most distinct probe errors a refused switch reports. */
  private static final int MAX_REPORTED_ERRORS = 3;

  private final OrchestratorSettings settings;
  private final PolicySpec fallback;
  private volatile Active active;
  private final Map<String, Optional<Scheduler>> cache = new HashMap<>();
  private Active cachedFor;

  /** The active policy and the beta every scheduler is built for, switched together. */
  private record Active(PolicySpec policy, double beta) {}

  /**
   * A registry with the configured policies; both specs are checked at start.
   *
   * @param settings the orchestrator settings
   */
  public PolicyRegistry(OrchestratorSettings settings) {
    this.settings = settings;
    double beta = requireBeta(settings.policy().beta());
    this.fallback = check(settings.policy().fallback(), beta);
    if (!PolicySpec.BUILTIN.equals(fallback.version())) {
      throw new IllegalStateException(
          "the fallback policy must be a built-in baseline (it serves any fleet), was "
              + fallback.spec());
    }
    this.active = new Active(check(settings.policy().active(), beta), beta);
  }

  /**
   * Switches the active policy at the current beta.
   *
   * @param spec the new spec
   * @return the new active policy
   * @throws org.springframework.web.ErrorResponseException 400 for a spec mec-core cannot build
   */
  public PolicyView switchTo(String spec) {
    return switchTo(spec, null);
  }

  /**
   * Switches the active policy and the energy weight the policies schedule for.
   *
   * @param spec the new spec
   * @param beta the new beta (J weighed against s), or null to keep the current one
   * @return the new active policy
   * @throws org.springframework.web.ErrorResponseException 400 for a beta that is negative, not a
   *     number or infinite, or a spec mec-core cannot build at that beta (a beta-conditioned
   *     checkpoint outside the range it was trained over, for one)
   */
  public PolicyView switchTo(String spec, Double beta) {
    double next = beta == null ? beta() : requireBeta(beta);
    active = new Active(check(spec, next), next);
    return view();
  }

  /**
   * The policies.
   *
   * @return the active and fallback policy and the beta they schedule for
   */
  public PolicyView view() {
    Active now = active;
    PolicySpec policy = now.policy();
    return new PolicyView(
        policy.spec(), policy.id(), policy.version(), now.beta(), fallback.spec());
  }

  /**
   * The energy weight the policies schedule for.
   *
   * @return beta, J weighed against s
   */
  public double beta() {
    return active.beta();
  }

  /**
   * The active policy.
   *
   * @return its spec, id and version
   */
  public PolicySpec active() {
    return active.policy();
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
    Active current = active;
    if (cachedFor != current) {
      cache.clear();
      cachedFor = current;
    }
    return cache.computeIfAbsent(
        policy.spec() + '|' + net + '|' + ues,
        k -> build(policy.spec(), config(net, ues, current.beta())));
  }

  /**
   * The system a scheduler is built for.
   *
   * @param net the net
   * @param ues the fleet size
   * @return the configuration (the paper's radio, the configured channels, pmax and distances, and
   *     the current beta)
   */
  public ScenarioConfig config(Net net, int ues) {
    return config(net, ues, beta());
  }

  private ScenarioConfig config(Net net, int ues, double beta) {
    OrchestratorSettings.Radio radio = settings.radio();
    return new ScenarioConfig(
        net,
        ues,
        radio.channels(),
        200,
        settings.slot().length().toNanos() / 1e9,
        beta,
        1e6,
        3.0,
        1e-9,
        radio.pmaxW(),
        radio.dminM(),
        radio.dmaxM(),
        false,
        DeviceProfiles.jetsonNano());
  }

  private Optional<Scheduler> build(String spec, ScenarioConfig cfg) {
    try {
      return Optional.of(Schedulers.create(spec, cfg, settings.policy().seed()));
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "policy {} cannot serve {} UEs of {} at beta {} ({}); the fallback {} decides for them",
          spec,
          cfg.ues(),
          cfg.net(),
          cfg.beta(),
          e.getMessage(),
          fallback.spec());
      return Optional.empty();
    }
  }

  /**
   * @return the spec named, if mec-core can build it for at least one of the probed fleet sizes
   * @throws org.springframework.web.ErrorResponseException 400 naming the distinct reasons why not
   */
  private PolicySpec check(String spec, double beta) {
    Set<String> errors = new LinkedHashSet<>();
    for (int ues : PROBE_UES) {
      try {
        Schedulers.create(spec, config(Net.RESNET18, ues, beta), settings.policy().seed());
        return PolicySpec.of(spec);
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    throw Problems.badRequest(
        "policy '"
            + spec
            + "' cannot be built for any fleet of "
            + PROBE_UES[0]
            + "-"
            + PROBE_UES[PROBE_UES.length - 1]
            + " UEs at beta "
            + beta
            + ": "
            + String.join("; ", errors.stream().limit(MAX_REPORTED_ERRORS).toList()));
  }

  /** mec-core's rule for beta, refused as a 400. */
  private static double requireBeta(double beta) {
    try {
      return ScenarioConfig.requireBeta("beta", beta);
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest(e.getMessage());
    }
  }
}
