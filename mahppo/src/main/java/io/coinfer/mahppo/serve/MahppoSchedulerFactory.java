package io.coinfer.mahppo.serve;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulerFactory;
import io.coinfer.mec.sim.ScenarioConfig;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Creates {@link MahppoScheduler}s for the specs {@code mahppo} (the shipped checkpoint of the
 * system's net and UE count), {@code mahppo:<checkpoint dir>} (any other), each optionally followed
 * by {@code :sampled} to sample actions instead of taking the most likely ones. Found by mec-core's
 * {@code Schedulers.create} through {@link java.util.ServiceLoader}.
 */
public final class MahppoSchedulerFactory implements SchedulerFactory {

  private static final String PREFIX = "mahppo";
  private static final String SAMPLED = ":sampled";

  @Override
  public boolean supports(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    return s.equals(PREFIX) || s.startsWith(PREFIX + ":");
  }

  @Override
  public Scheduler create(String spec, ScenarioConfig cfg, long seed) {
    String rest = spec.trim().substring(PREFIX.length());
    boolean sampled = rest.toLowerCase(Locale.ROOT).endsWith(SAMPLED);
    if (sampled) {
      rest = rest.substring(0, rest.length() - SAMPLED.length());
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
    return new MahppoScheduler(
        spec.trim(), cp.weights(), cp.config().powerScale(), cfg, sampled, seed);
  }

  @Override
  public String usage() {
    return "mahppo[:<checkpoint dir>][:sampled]";
  }
}
