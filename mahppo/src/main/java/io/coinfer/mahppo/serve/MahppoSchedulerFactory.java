package io.coinfer.mahppo.serve;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulerFactory;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates {@link MahppoScheduler}s for the specs {@code mahppo} (the shipped checkpoint of the
 * system's net and UE count), {@code mahppo:<variant>} (a shipped variant of it, one of the {@link
 * ShippedCheckpoints#VARIANTS}, planned as the variant says), {@code mahppo:<checkpoint dir>} (any
 * other), each optionally followed by {@code :sampled} to sample actions instead of taking the most
 * likely ones, or by {@code :plan<K>} to plan with K simulated runs of the policy ({@link
 * PlanningScheduler}), or {@code :plan<K>:<ms>ms} to plan with at most K runs and stop starting
 * runs after that many milliseconds of a decision. Found by mec-core's {@code Schedulers.create}
 * through {@link java.util.ServiceLoader}.
 */
public final class MahppoSchedulerFactory implements SchedulerFactory {

  private static final String PREFIX = "mahppo";
  private static final String SAMPLED = ":sampled";

  /** The largest budget whose nanoseconds fit a long. */
  private static final long MAX_BUDGET_MS = Long.MAX_VALUE / 1_000_000;

  private static final Pattern PLAN = Pattern.compile("(?i):plan(\\d+)(?::(\\d+)ms)?$");

  @Override
  public boolean supports(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    return s.equals(PREFIX) || s.startsWith(PREFIX + ":");
  }

  @Override
  public Scheduler create(String spec, ScenarioConfig cfg, long seed) {
    String rest = spec.trim().substring(PREFIX.length());
    Matcher plan = PLAN.matcher(rest);
    int rollouts = 0;
    Duration budget = Duration.ZERO;
    if (plan.find()) {
      rollouts = (int) parseCount(spec, plan.group(1), Integer.MAX_VALUE, ":plan<K> needs K");
      if (plan.group(2) != null) {
        budget =
            Duration.ofMillis(
                parseCount(spec, plan.group(2), MAX_BUDGET_MS, ":plan<K>:<ms>ms needs <ms>"));
      }
      rest = rest.substring(0, plan.start());
    }
    boolean sampled = rest.toLowerCase(Locale.ROOT).endsWith(SAMPLED);
    if (sampled) {
      rest = rest.substring(0, rest.length() - SAMPLED.length());
    }
    if (sampled && rollouts > 0) {
      throw new IllegalArgumentException(
          spec.trim() + ": choose one of :sampled and :plan<K>, a plan samples by itself");
    }
    String path = rest.startsWith(":") ? rest.substring(1) : rest;
    if (rollouts == 0 && !sampled) {
      rollouts = ShippedCheckpoints.VARIANTS.getOrDefault(path, 0);
    }
    Checkpoint cp = checkpoint(path, cfg);
    requireTrainedBeta(spec.trim(), cp, cfg.beta());
    MahppoScheduler policy =
        new MahppoScheduler(
            spec.trim(), cp.weights(), cp.config().powerScale(), cfg, sampled, seed);
    if (rollouts == 0) {
      return policy;
    }
    MahppoScheduler sampler =
        new MahppoScheduler(spec.trim(), cp.weights(), cp.config().powerScale(), cfg, true, seed);
    return new PlanningScheduler(
        spec.trim(), policy, sampler, rollouts, budget, System::nanoTime, cfg);
  }

  /**
   * @param path empty (the shipped checkpoint), a shipped variant's name or a checkpoint folder
   * @throws IllegalArgumentException when it is not shipped, cannot be read or serves another net
   */
  private static Checkpoint checkpoint(String path, ScenarioConfig cfg) {
    if (path.isEmpty()) {
      return ShippedCheckpoints.find(cfg);
    }
    if (ShippedCheckpoints.VARIANTS.containsKey(path)) {
      return ShippedCheckpoints.findVariant(cfg, path);
    }
    Checkpoint cp = Checkpoint.read(Path.of(path));
    if (!cp.provenance().net().equals(cfg.net().id())) {
      throw new IllegalArgumentException(
          "checkpoint "
              + path
              + " was trained for "
              + cp.provenance().net()
              + ", the scenario runs "
              + cfg.net());
    }
    return cp;
  }

  /**
   * Fails when a beta-conditioned checkpoint is asked to serve a beta outside the range it was
   * trained over (it would extrapolate); checkpoints trained at one beta serve any.
   */
  private static void requireTrainedBeta(String spec, Checkpoint cp, double beta) {
    var c = cp.config();
    if (c.conditionedOnBeta() && !(beta >= c.betaMin() && beta <= c.betaMax())) {
      throw new IllegalArgumentException(
          spec
              + " was trained for beta in ["
              + c.betaMin()
              + ", "
              + c.betaMax()
              + "]; the scenario's beta is "
              + beta);
    }
  }

  /**
   * @return the whole number {@code digits}, if it is between 1 and {@code max}
   * @throws IllegalArgumentException naming the spec and what it {@code needs} otherwise
   */
  private static long parseCount(String spec, String digits, long max, String needs) {
    try {
      long value = Long.parseLong(digits);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // too many digits for a long: refused below
    }
    throw new IllegalArgumentException(
        spec.trim() + ": " + needs + " between 1 and " + max + ", got " + digits);
  }

  @Override
  public String usage() {
    return "mahppo[:<checkpoint dir>|:"
        + String.join("|:", new TreeSet<>(ShippedCheckpoints.VARIANTS.keySet()))
        + "][:sampled|:plan<K>[:<ms>ms]]";
  }
}
