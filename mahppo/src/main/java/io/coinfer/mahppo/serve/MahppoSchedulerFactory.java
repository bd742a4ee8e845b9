package io.coinfer.mahppo.serve;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulerFactory;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates {@link MahppoScheduler}s for the specs {@code mahppo} (the shipped checkpoint of the
 * system's net and UE count), {@code mahppo:<checkpoint dir>} (any other), each optionally followed
 * by {@code :sampled} to sample actions instead of taking the most likely ones, or by {@code
 * :plan<K>} to plan with K simulated runs of the policy ({@link PlanningScheduler}), or {@code
 * :plan<K>:<ms>ms} to plan with at most K runs and stop starting runs after that many milliseconds
 * of a decision. Found by mec-core's {@code Schedulers.create} through {@link
 * java.util.ServiceLoader}.
 */
public final class MahppoSchedulerFactory implements SchedulerFactory {

  private static final String PREFIX = "mahppo";
  private static final String SAMPLED = ":sampled";
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
      rollouts = parseRollouts(spec, plan.group(1));
      if (plan.group(2) != null) {
        budget = parseBudget(spec, plan.group(2));
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
    Checkpoint cp = path.isEmpty() ? ShippedCheckpoints.find(cfg) : Checkpoint.read(Path.of(path));
    if (!path.isEmpty() && !cp.provenance().net().equals(cfg.net().id())) {
      throw new IllegalArgumentException(
          "checkpoint "
              + path
              + " was trained for "
              + cp.provenance().net()
              + ", the scenario runs "
              + cfg.net());
    }
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

  private static int parseRollouts(String spec, String digits) {
    try {
      int rollouts = Integer.parseInt(digits);
      if (rollouts >= 1) {
        return rollouts;
      }
    } catch (NumberFormatException e) {
      // too many digits for an int: refused below
    }
    throw new IllegalArgumentException(
        spec.trim() + ": :plan<K> needs K between 1 and " + Integer.MAX_VALUE + ", got " + digits);
  }

  private static Duration parseBudget(String spec, String digits) {
    try {
      long ms = Long.parseLong(digits);
      if (ms >= 1) {
        return Duration.ofMillis(ms);
      }
    } catch (NumberFormatException e) {
      // too many digits for a long: refused below
    }
    throw new IllegalArgumentException(
        spec.trim() + ": :plan<K>:<ms>ms needs a budget of at least 1 ms, got " + digits);
  }

  @Override
  public String usage() {
    return "mahppo[:<checkpoint dir>][:sampled|:plan<K>[:<ms>ms]]";
  }
}
